/**
 * FEEL evaluation for the engine: feelin underneath, results converted to JSON values and checked against the
 * type the caller needs, with Zeebe's messages. Never throws.
 */
import { evaluate } from 'feelin';
import type { ValueOrExpression } from '../model/executable-model';
import type { FeelResult, FeelResultType } from './feel-api';
import { FEEL_DIALECT, feelExtensionFunctions } from './feel-extension-functions';
import { checkFeelSyntax } from './feel-syntax';
import { checkResultType } from './feel-type-check';
import { toJsonValue } from './feel-value-converter';

export { checkFeelSyntax };

export function evaluateFeel(
  expression: string,
  variables: Record<string, unknown>,
  expected: FeelResultType = 'ANY',
): FeelResult {
  const syntaxProblem = checkFeelSyntax(expression);
  if (syntaxProblem) return { ok: false, message: `Failed to parse expression '${expression}': ${syntaxProblem}` };
  let raw: unknown;
  try {
    raw = evaluate(expression, { ...variables, ...feelExtensionFunctions }, FEEL_DIALECT).value;
  } catch (error) {
    return { ok: false, message: `Failed to evaluate expression '${expression}': ${reason(error)}` };
  }
  const converted = toJsonValue(raw);
  if (!converted.ok)
    return { ok: false, message: `Failed to evaluate expression '${expression}': ${converted.reason}` };
  return checkResultType(expression, converted.value, expected);
}

/** A static value or an expression: static values are strings (parsed for NUMBER). */
export function evaluateValue(
  value: ValueOrExpression,
  variables: Record<string, unknown>,
  expected: FeelResultType = 'ANY',
): FeelResult {
  if (value.kind === 'expression') return evaluateFeel(value.expression, variables, expected);
  if (expected !== 'NUMBER') {
    if (expected === 'ANY' || expected === 'STRING' || expected === 'STRING_OR_NUMBER') {
      return { ok: true, value: value.value };
    }
    return { ok: false, message: `Expected the static value '${value.value}' to be '${expected}', but was 'STRING'.` };
  }
  const number = value.value.trim() === '' ? NaN : Number(value.value);
  return Number.isFinite(number)
    ? { ok: true, value: number }
    : { ok: false, message: `Expected the static value '${value.value}' to be a number, but it is not.` };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
