import { TASK_LISTENER_EVENTS, type ExecutableElement } from '../executable-model';
import { describeElement, isBlank } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway']);

/** Why Zeebe refuses a listener of this event type on this element (the docs' "unsupported elements"), if it does. */
function unsupportedExecutionListener(element: ExecutableElement, eventType: string): string | undefined {
  if (element.eventKind === 'compensation' && element.kind === 'boundaryEvent') {
    return 'a compensation boundary event cannot have execution listeners; place them on the compensation handler';
  }
  if (eventType === 'start' && (element.kind === 'startEvent' || element.kind === 'boundaryEvent')) {
    return `${describeElement(element)} cannot have start execution listeners`;
  }
  if (eventType === 'end' && GATEWAYS.has(element.kind)) {
    return `${describeElement(element)} cannot have end execution listeners; use start listeners on the next element`;
  }
  if (eventType === 'end' && element.kind === 'endEvent' && element.eventKind === 'error') {
    return 'an error end event cannot have end execution listeners; place them on the error catch event';
  }
  return undefined;
}

/**
 * Execution listeners: event type start or end, a job type, no two with the same event type and job type, and
 * only where Zeebe allows them. Task listeners: only on a Camunda user task (zeebe:userTask), with a known event.
 */
export const listenerRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    const seen = new Set<string>();
    for (const listener of element.executionListeners) {
      const problem = (message: string) => report({ elementId: element.id, message });
      if (listener.eventType !== 'start' && listener.eventType !== 'end') {
        problem(`an execution listener's event type must be 'start' or 'end', but was '${listener.eventType}'`);
        continue;
      }
      if (isBlank(listener.type)) problem('an execution listener needs a job type (zeebe:executionListener type)');
      const unsupported = unsupportedExecutionListener(element, listener.eventType);
      if (unsupported) problem(unsupported);
      const typeText = listener.type.kind === 'static' ? listener.type.value : `=${listener.type.expression}`;
      const pair = `${listener.eventType}:${typeText}`;
      if (seen.has(pair)) {
        problem(
          `execution listeners must have unique event type and job type, but '${listener.eventType}' listener of type '${typeText}' is defined twice`,
        );
      }
      seen.add(pair);
    }
    if (!element.taskListeners.length) continue;
    if (element.kind !== 'userTask' || !element.userTask?.zeebeUserTask) {
      report({
        elementId: element.id,
        message: 'task listeners are only supported on a Camunda user task (zeebe:userTask)',
      });
      continue;
    }
    for (const listener of element.taskListeners) {
      const problem = (message: string) => report({ elementId: element.id, message });
      if (!(TASK_LISTENER_EVENTS as readonly string[]).includes(listener.eventType)) {
        problem(
          `a task listener's event type must be one of ${TASK_LISTENER_EVENTS.join(', ')}, but was '${listener.eventType}'`,
        );
      }
      if (isBlank(listener.type)) problem('a task listener needs a job type (zeebe:taskListener type)');
    }
  }
};
