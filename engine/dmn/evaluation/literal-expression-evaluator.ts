/** A literal expression decision: its FEEL expression's value, checked against its typeRef. */
import { evaluateDmnExpression } from '../feel/dmn-expression';
import type { LiteralExpression } from '../model/executable-decision';
import { checkTypeRef } from './type-ref-check';

export type LiteralEvaluation = { ok: true; output: unknown } | { ok: false; message: string };

export function evaluateLiteralExpression(
  expression: LiteralExpression,
  variables: Record<string, unknown>,
): LiteralEvaluation {
  const result = evaluateDmnExpression(expression.text, variables);
  if (!result.ok) return result;
  const wrongType = checkTypeRef(result.json, expression.typeRef);
  if (wrongType) {
    return {
      ok: false,
      message: `the result of the expression '${expression.text}' should be a '${expression.typeRef}', but is ${wrongType}`,
    };
  }
  return { ok: true, output: result.json };
}
