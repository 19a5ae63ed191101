/** zeebe:executionListeners and zeebe:taskListeners → the element's listener definitions, in model order. */
import type { ExecutableElement } from '../../executable-model';
import { elementList, extensionElement, stringProperty, type ModdleElement } from '../../moddle-element';
import { toValueOrExpression } from '../../value-or-expression';
import { DEFAULT_JOB_RETRIES, transformTaskHeaders } from './task-definition-transformer';

function retriesOf(listener: ModdleElement) {
  const retries = stringProperty(listener, 'retries');
  return toValueOrExpression(retries === undefined || retries === '' ? DEFAULT_JOB_RETRIES : retries);
}

/** Camunda 8.7 named the events 'assignment' and 'complete'; 8.8 still reads models written that way. */
const LEGACY_TASK_LISTENER_EVENTS: Record<string, string> = { assignment: 'assigning', complete: 'completing' };

const taskListenerEvent = (eventType: string): string => LEGACY_TASK_LISTENER_EVENTS[eventType] ?? eventType;

export function transformListeners(source: ModdleElement, element: ExecutableElement): void {
  const executionListeners = extensionElement(source, 'zeebe:ExecutionListeners');
  element.executionListeners = (executionListeners ? elementList(executionListeners, 'listeners') : []).map(
    (listener) => ({
      eventType: stringProperty(listener, 'eventType') ?? '',
      type: toValueOrExpression(stringProperty(listener, 'type') ?? ''),
      retries: retriesOf(listener),
      headers: transformTaskHeaders(listener, 'headers'),
    }),
  );
  const taskListeners = extensionElement(source, 'zeebe:TaskListeners');
  element.taskListeners = (taskListeners ? elementList(taskListeners, 'listeners') : []).map((listener) => ({
    eventType: taskListenerEvent(stringProperty(listener, 'eventType') ?? ''),
    type: toValueOrExpression(stringProperty(listener, 'type') ?? ''),
    retries: retriesOf(listener),
  }));
}
