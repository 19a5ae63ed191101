/** dmn:Decision → ExecutableDecision: name, version tag, required decisions and the decision logic. */
import {
  elementList,
  elementProperty,
  stringProperty,
  typeLabel,
  type ModdleElement,
} from '../../model/moddle-element';
import type { DmnProblem } from './dmn-validation-error';
import type { ExecutableDecision } from './executable-decision';
import { transformDecisionTable } from './decision-table-transformer';
import { transformLiteralExpression } from './literal-expression-transformer';

export function transformDecision(decision: ModdleElement, problems: DmnProblem[]): ExecutableDecision | undefined {
  const id = decision.id;
  if (!id) {
    problems.push({ message: `the decision '${decision.name ?? ''}' has no id` });
    return undefined;
  }
  const common = {
    id,
    name: stringProperty(decision, 'name') ?? id,
    versionTag: versionTag(decision),
    requiredDecisionIds: requiredDecisionIds(decision),
  };
  if (elementList(decision, 'knowledgeRequirement').length > 0) {
    problems.push({
      decisionId: id,
      message: 'business knowledge models (knowledge requirements) are not supported yet',
    });
  }
  const logic = elementProperty(decision, 'decisionLogic');
  if (!logic) {
    problems.push({
      decisionId: id,
      message: 'the decision has no decision logic (a decision table or a literal expression)',
    });
    return undefined;
  }
  if (logic.$type === 'dmn:DecisionTable') {
    const decisionTable = transformDecisionTable(id, logic, problems);
    return decisionTable && { ...common, decisionTable };
  }
  if (logic.$type === 'dmn:LiteralExpression') {
    return { ...common, literalExpression: transformLiteralExpression(decision, logic) };
  }
  problems.push({
    decisionId: id,
    message: `the decision logic '${typeLabel(logic.$type)}' is not supported yet (only decision tables and literal expressions are)`,
  });
  return undefined;
}

/** `<informationRequirement><requiredDecision href="#id"/></informationRequirement>` → ['id']. */
function requiredDecisionIds(decision: ModdleElement): string[] {
  return elementList(decision, 'informationRequirement')
    .map((requirement) => elementProperty(requirement, 'requiredDecision'))
    .map((reference) => (reference && stringProperty(reference, 'href')) ?? '')
    .filter((href) => href !== '')
    .map((href) => (href.includes('#') ? href.slice(href.indexOf('#') + 1) : href));
}

/** Camunda 8: `<extensionElements><zeebe:versionTag value="..."/></extensionElements>`. */
function versionTag(decision: ModdleElement): string | undefined {
  const extensions = elementProperty(decision, 'extensionElements');
  const tag = extensions && elementList(extensions, 'values').find((value) => /(^|:)versionTag$/.test(value.$type));
  const value = tag && stringProperty(tag, 'value');
  return value?.trim() ? value : undefined;
}
