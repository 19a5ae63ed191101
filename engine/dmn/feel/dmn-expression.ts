/**
 * FEEL expressions of a decision (input expressions, output entries, literal expressions). Unlike
 * engine/feel's evaluateFeel, the FEEL value itself is kept beside its JSON form, so that an input value such as
 * a date still compares as a date in the rules' unary tests. Never throws.
 */
import { evaluate } from 'feelin';
import { FEEL_DIALECT, feelExtensionFunctions } from '../../feel/feel-extension-functions';
import { checkFeelSyntax } from '../../feel/feel-syntax';
import { toJsonValue } from '../../feel/feel-value-converter';

export type DmnExpressionResult = { ok: true; value: unknown; json: unknown } | { ok: false; message: string };

export function evaluateDmnExpression(expression: string, variables: Record<string, unknown>): DmnExpressionResult {
  const syntaxProblem = checkFeelSyntax(expression);
  if (syntaxProblem) return { ok: false, message: `failed to parse expression '${expression}': ${syntaxProblem}` };
  let value: unknown;
  try {
    value = evaluate(expression, { ...variables, ...feelExtensionFunctions }, FEEL_DIALECT).value;
  } catch (error) {
    return { ok: false, message: `failed to evaluate expression '${expression}': ${reason(error)}` };
  }
  const converted = toJsonValue(value);
  if (!converted.ok)
    return { ok: false, message: `failed to evaluate expression '${expression}': ${converted.reason}` };
  return { ok: true, value: value ?? null, json: converted.value };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
