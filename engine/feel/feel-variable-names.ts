/** The variables a FEEL expression reads, for conditions that are re-evaluated only when one of them changes. */
import { parseExpression } from 'feelin';
import { FEEL_DIALECT, feelExtensionFunctions } from './feel-extension-functions';
import { bracketDepth, MAX_FEEL_NESTING } from './feel-syntax';

/**
 * Every variable name the expression mentions, in order of first mention. A path `x.y.z` reads `x`. Names that are
 * not process variables (function names, iteration variables of `for`/`some`) may be among them: an extra name only
 * costs an evaluation, a missing one would lose a trigger. An expression that does not parse reads nothing, nor
 * one nested too deep to parse in reasonable time (the syntax check refuses it).
 */
export function feelVariableNames(expression: string): string[] {
  if (expression.trim() === '' || bracketDepth(expression) > MAX_FEEL_NESTING) return [];
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
