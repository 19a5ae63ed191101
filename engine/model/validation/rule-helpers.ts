/** Small helpers the validation rules share. */
import type { ExecutableElement, ExecutableProcess, ValueOrExpression } from '../executable-model';
import { kindLabel } from '../supported-elements';

/** 'a message intermediate catch event', 'a receive task', 'an error boundary event'. */
export function describeElement(element: ExecutableElement): string {
  const kind = kindLabel(element.kind);
  const text = element.eventKind === 'none' ? kind : `${element.eventKind} ${kind}`;
  return `${/^[aeiou]/.test(text) ? 'an' : 'a'} ${text}`;
}

/** True for a static value or expression that is empty or only whitespace. */
export function isBlank(value: ValueOrExpression): boolean {
  return (value.kind === 'static' ? value.value : value.expression).trim() === '';
}

/** The container (process, subprocess, event subprocess) that holds the element. */
export function scopeOf(process: ExecutableProcess, element: ExecutableElement): ExecutableElement | undefined {
  return element.flowScopeId === undefined ? undefined : process.elements.get(element.flowScopeId);
}
