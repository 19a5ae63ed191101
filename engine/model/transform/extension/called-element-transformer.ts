/** zeebe:calledElement (a call activity's process id and variable propagation) → the element's called element. */
import type { ExecutableElement } from '../../executable-model';
import { extensionElement, stringProperty, type ModdleElement } from '../../moddle-element';
import { toValueOrExpression } from '../../value-or-expression';

export function transformCalledElement(source: ModdleElement, element: ExecutableElement): void {
  const called = extensionElement(source, 'zeebe:CalledElement');
  if (!called) return;
  const flag = (name: string): boolean => {
    const value = (called as Record<string, unknown>)[name];
    return value === undefined ? true : value === true || value === 'true';
  };
  element.calledElement = {
    processId: toValueOrExpression(stringProperty(called, 'processId') ?? ''),
    propagateAllChildVariables: flag('propagateAllChildVariables'),
    propagateAllParentVariables: flag('propagateAllParentVariables'),
  };
}
