/** The variables a FEEL expression reads, for conditions that are re-evaluated only when one of them changes. */
import { parseExpression } from 'feelin';
import { FEEL_DIALECT, feelExtensionFunctions } from './feel-extension-functions';

/**
 * Every variable name the expression mentions, in order of first mention. A path `x.y.z` reads `x`. Names that are
 * not process variables (function names, iteration variables of `for`/`some`) may be among them: an extra name only
 * costs an evaluation, a missing one would lose a trigger. An expression that does not parse reads nothing.
 */
export function feelVariableNames(expression: string): string[] {
  if (expression.trim() === '') return [];
  const names = new Set<string>();
  try {
    const tree = parseExpression(expression, { ...feelExtensionFunctions }, FEEL_DIALECT);
    tree.iterate({
      enter(node) {
        if (node.name === 'VariableName') names.add(expression.slice(node.from, node.to).trim());
      },
    });
  } catch {
    return [];
  }
  return [...names];
}
