/** zeebe:script (a FEEL script task) → the element's script definition. */
import type { ExecutableElement } from '../../executable-model';
import { extensionElement, stringProperty, type ModdleElement } from '../../moddle-element';
import { stripExpressionMarker } from '../../value-or-expression';

export function transformScript(source: ModdleElement, element: ExecutableElement): void {
  const script = extensionElement(source, 'zeebe:Script');
  if (!script) return;
  element.script = {
    expression: stripExpressionMarker(stringProperty(script, 'expression') ?? ''),
    resultVariable: stringProperty(script, 'resultVariable') ?? '',
  };
}
