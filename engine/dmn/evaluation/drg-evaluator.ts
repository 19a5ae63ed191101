/**
 * evaluateDecision: a decision of a decision requirements graph with its required decisions. Required
 * decisions are evaluated first (depth first, in document order, each once); a decision sees the variables
 * plus the outputs of the decisions it requires directly, each under the required decision's id. Never throws.
 */
import type { DecisionRequirementsGraph, ExecutableDecision } from '../model/executable-decision';
import type { DecisionEvaluation, EvaluatedDecision } from './decision-evaluation';
import { evaluateDecisionTable } from './decision-table-evaluator';
import { evaluateLiteralExpression } from './literal-expression-evaluator';

type Failure = { failedDecisionId: string; message: string };

export function evaluateDecision(
  drg: DecisionRequirementsGraph,
  decisionId: string,
  variables: Record<string, unknown>,
): DecisionEvaluation {
  const byId = new Map(drg.decisions.map((decision) => [decision.id, decision]));
  const evaluated = new Map<string, EvaluatedDecision>();
  const inProgress = new Set<string>();

  const visit = (id: string, requiredBy?: string): Failure | undefined => {
    if (evaluated.has(id)) return undefined;
    const decision = byId.get(id);
    if (!decision) {
      const where = requiredBy ? `required by '${requiredBy}'` : `in the decision requirements graph '${drg.id}'`;
      return { failedDecisionId: id, message: `Expected to find the decision '${id}' ${where}, but it does not exist` };
    }
    if (inProgress.has(id)) {
      return { failedDecisionId: id, message: `Expected to evaluate decision '${id}', but it requires itself` };
    }
    inProgress.add(id);
    for (const requiredId of decision.requiredDecisionIds) {
      const failure = visit(requiredId, id);
      if (failure) return failure;
    }
    inProgress.delete(id);
    const context = { ...variables };
    for (const requiredId of decision.requiredDecisionIds)
      context[requiredId] = evaluated.get(requiredId)?.decisionOutput;
    const result = evaluateOne(decision, context);
    if ('failedDecisionId' in result) return result;
    evaluated.set(id, result);
    return undefined;
  };

  const failure = visit(decisionId);
  const evaluatedDecisions = [...evaluated.values()];
  if (failure) return { ok: false, ...failure, evaluatedDecisions };
  return { ok: true, decisionOutput: evaluated.get(decisionId)?.decisionOutput ?? null, evaluatedDecisions };
}

function evaluateOne(decision: ExecutableDecision, context: Record<string, unknown>): EvaluatedDecision | Failure {
  const fail = (message: string): Failure => ({
    failedDecisionId: decision.id,
    message: `Expected to evaluate decision '${decision.id}', but ${message}`,
  });
  const base = { decisionId: decision.id, decisionName: decision.name };
  if (decision.literalExpression) {
    const result = evaluateLiteralExpression(decision.literalExpression, context);
    if (!result.ok) return fail(result.message);
    const type = 'LITERAL_EXPRESSION' as const;
    return { ...base, decisionType: type, decisionOutput: result.output, matchedRules: [], evaluatedInputs: [] };
  }
  const result = evaluateDecisionTable(decision.decisionTable, context);
  if (!result.ok) return fail(result.message);
  return {
    ...base,
    decisionType: 'DECISION_TABLE',
    decisionOutput: result.output,
    matchedRules: result.hits.map((hit) => hit.rule),
    evaluatedInputs: result.evaluatedInputs,
  };
}
