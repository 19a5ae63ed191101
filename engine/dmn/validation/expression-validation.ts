/** Every FEEL expression and unary test of a decision must parse, so that evaluation fails only on data. */
import { checkFeelSyntax } from '../../feel/feel-syntax';
import { checkUnaryTestsSyntax } from '../feel/unary-tests';
import type { DmnProblem } from '../model/dmn-validation-error';
import type { DecisionTable, ExecutableDecision } from '../model/executable-decision';

export function validateExpressions(decision: ExecutableDecision): DmnProblem[] {
  if (decision.literalExpression) {
    const problem = checkFeelSyntax(decision.literalExpression.text);
    return problem
      ? [{ decisionId: decision.id, message: `the literal expression is not valid FEEL: ${problem}` }]
      : [];
  }
  return validateTable(decision.id, decision.decisionTable);
}

function validateTable(decisionId: string, table: DecisionTable): DmnProblem[] {
  const problems: DmnProblem[] = [];
  for (const input of table.inputs) {
    const problem = checkFeelSyntax(input.expression);
    if (problem) {
      problems.push({
        decisionId,
        elementId: input.id,
        message: invalid('input expression', input.expression, problem),
      });
    }
  }
  table.rules.forEach((rule, ruleIndex) => {
    rule.inputEntries.forEach((entry, index) => {
      const problem = checkUnaryTestsSyntax(entry);
      if (problem) {
        const where = `input entry ${index + 1} of rule ${ruleIndex + 1}`;
        problems.push({ decisionId, elementId: rule.id, message: invalid(where, entry, problem, 'unary tests') });
      }
    });
    rule.outputEntries.forEach((entry, index) => {
      const problem = entry.trim() === '' ? undefined : checkFeelSyntax(entry);
      if (problem) {
        const where = `output entry ${index + 1} of rule ${ruleIndex + 1}`;
        problems.push({ decisionId, elementId: rule.id, message: invalid(where, entry, problem) });
      }
    });
  });
  return problems;
}

function invalid(where: string, text: string, problem: string, kind = 'FEEL'): string {
  return `the ${where} '${text}' is not valid ${kind}: ${problem}`;
}
