/** dmn:LiteralExpression of a decision → LiteralExpression. */
import { elementProperty, stringProperty, type ModdleElement } from '../../model/moddle-element';
import type { LiteralExpression } from './executable-decision';

export function transformLiteralExpression(decision: ModdleElement, expression: ModdleElement): LiteralExpression {
  const variable = elementProperty(decision, 'variable');
  return {
    text: stringProperty(expression, 'text') ?? '',
    variableName: (variable && stringProperty(variable, 'name')) || (decision.id ?? ''),
    typeRef: stringProperty(expression, 'typeRef') ?? (variable && stringProperty(variable, 'typeRef')),
  };
}
