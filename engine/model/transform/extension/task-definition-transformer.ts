/** zeebe:taskDefinition (job type and retries) and zeebe:taskHeaders → the element's job definition. */
import type { ExecutableElement } from '../../executable-model';
import {
  elementList,
  elementProperty,
  extensionElement,
  stringProperty,
  type ModdleElement,
} from '../../moddle-element';
import { toValueOrExpression } from '../../value-or-expression';

export const DEFAULT_JOB_RETRIES = '3';

export function transformTaskDefinition(source: ModdleElement, element: ExecutableElement): void {
  const taskDefinition = extensionElement(source, 'zeebe:TaskDefinition');
  if (!taskDefinition) return;
  const retries = stringProperty(taskDefinition, 'retries');
  element.job = {
    type: toValueOrExpression(stringProperty(taskDefinition, 'type') ?? ''),
    retries: toValueOrExpression(retries === undefined || retries === '' ? DEFAULT_JOB_RETRIES : retries),
    headers: transformTaskHeaders(source),
  };
}

/** zeebe:taskHeaders of an element (in its extension elements) or of an execution listener (its `headers`). */
export function transformTaskHeaders(source: ModdleElement, property?: string): Record<string, string> {
  const taskHeaders = property ? elementProperty(source, property) : extensionElement(source, 'zeebe:TaskHeaders');
  const headers: Record<string, string> = {};
  for (const header of taskHeaders ? elementList(taskHeaders, 'values') : []) {
    const key = stringProperty(header, 'key');
    if (key !== undefined) headers[key] = stringProperty(header, 'value') ?? '';
  }
  return headers;
}
