/** zeebe:calledDecision (a business rule task's decision id and result variable) → the element's called decision. */
import type { ExecutableElement } from '../../executable-model';
import { extensionElement, stringProperty, type ModdleElement } from '../../moddle-element';
import { toValueOrExpression } from '../../value-or-expression';

export function transformCalledDecision(source: ModdleElement, element: ExecutableElement): void {
  const called = extensionElement(source, 'zeebe:CalledDecision');
  if (!called) return;
  element.calledDecision = {
    decisionId: toValueOrExpression(stringProperty(called, 'decisionId') ?? ''),
    resultVariable: stringProperty(called, 'resultVariable') ?? '',
  };
}
