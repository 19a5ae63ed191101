import type { ValueOrExpression } from './executable-model';

/** A Zeebe attribute value: `=...` is a FEEL expression, anything else static text. */
export function toValueOrExpression(text: string): ValueOrExpression {
  return text.startsWith('=') ? { kind: 'expression', expression: text.slice(1) } : { kind: 'static', value: text };
}

/** FEEL text of an always-FEEL attribute (conditions, mapping sources): the leading `=` is optional. */
export function stripExpressionMarker(text: string): string {
  return text.startsWith('=') ? text.slice(1) : text;
}
