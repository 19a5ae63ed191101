/**
 * parseDmn: DMN 1.3 XML → DecisionRequirementsGraph, or a DmnValidationError that names the resource, the
 * decision and every problem found (XML, unsupported elements, FEEL syntax, requirements, table shape).
 */
import { elementList, stringProperty } from '../model/moddle-element';
import { transformDecision } from './model/decision-transformer';
import { DmnValidationError, type DmnProblem } from './model/dmn-validation-error';
import { readDmnXml } from './model/dmn-xml-reader';
import type { DecisionRequirementsGraph, ExecutableDecision } from './model/executable-decision';
import { validateDecisionTable } from './validation/decision-table-validation';
import { validateExpressions } from './validation/expression-validation';
import { validateRequirements } from './validation/requirements-validation';

export async function parseDmn(resourceName: string, xml: string): Promise<DecisionRequirementsGraph> {
  const { definitions, problems } = await readDmnXml(xml);
  if (!definitions) throw new DmnValidationError(resourceName, problems);
  const decisionElements = elementList(definitions, 'drgElement').filter((element) => element.$type === 'dmn:Decision');
  if (decisionElements.length === 0) problems.push({ message: 'the file contains no decision' });
  const decisions = decisionElements
    .map((element) => transformDecision(element, problems))
    .filter((decision): decision is ExecutableDecision => decision !== undefined);
  problems.push(...validateDecisions(decisions));
  if (problems.length > 0) throw new DmnValidationError(resourceName, problems);
  const id = definitions.id ?? resourceName;
  return { id, name: stringProperty(definitions, 'name') ?? id, decisions };
}

function validateDecisions(decisions: ExecutableDecision[]): DmnProblem[] {
  const problems = decisions.flatMap((decision) => [
    ...validateExpressions(decision),
    ...(decision.decisionTable ? validateDecisionTable(decision.id, decision.decisionTable) : []),
  ]);
  return [...problems, ...validateRequirements(decisions)];
}
