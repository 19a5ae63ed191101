/** A DMN resource that cannot be deployed: each problem names the decision (and element) and says what is wrong. */
import { ModelValidationError } from '../../model/model-validation-error';

export interface DmnProblem {
  decisionId?: string;
  /** The element inside the decision (rule, input, output), when the problem is local to one. */
  elementId?: string;
  message: string;
}

export class DmnValidationError extends ModelValidationError {
  readonly dmnProblems: DmnProblem[];

  constructor(resourceName: string, problems: DmnProblem[]) {
    super(
      resourceName,
      problems.map((p) => ({ elementId: p.elementId ?? p.decisionId, message: p.message })),
    );
    this.dmnProblems = problems;
    this.name = 'DmnValidationError';
    this.message = `'${resourceName}': ` + problems.map(describe).join('; ');
  }
}

function describe(problem: DmnProblem): string {
  const where = [
    problem.decisionId ? `decision '${problem.decisionId}'` : undefined,
    problem.elementId && problem.elementId !== problem.decisionId ? `element '${problem.elementId}'` : undefined,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${problem.message}` : problem.message;
}
