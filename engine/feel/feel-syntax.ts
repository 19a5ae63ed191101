/** Syntax check of a FEEL expression without evaluating it, for deployment-time validation. */
import { parseExpression } from 'feelin';
import { FEEL_DIALECT, feelExtensionFunctions } from './feel-extension-functions';

/** Undefined when the expression parses; else a message a modeler can act on. */
export function checkFeelSyntax(expression: string): string | undefined {
  if (expression.trim() === '') return 'the expression is empty';
  let problem: string | undefined;
  try {
    const tree = parseExpression(expression, { ...feelExtensionFunctions }, FEEL_DIALECT);
    tree.iterate({
      enter(node) {
        if (problem) return false;
        if (!node.type.isError) return undefined;
        problem = describeError(expression, node.from, node.to);
        return false;
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return problem;
}

function describeError(expression: string, from: number, to: number): string {
  if (from !== to) return `unexpected '${expression.slice(from, to)}' at position ${from + 1}`;
  const rest = expression.slice(from).trimStart();
  if (rest === '') return 'the expression ends too early (something is missing at the end)';
  const token = /^\S+/.exec(rest)?.[0] ?? rest;
  return `unexpected '${token}' at position ${expression.length - rest.length + 1}`;
}
