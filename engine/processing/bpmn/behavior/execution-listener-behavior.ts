import type { Variables } from '../../../engine-api';
import type { ExecutableElement, ExecutionListenerDefinition } from '../../../model/executable-model';
import type { ElementInstance, Job } from '../../../state/entities';
import type { BpmnContext, ElementProcessor } from '../bpmn-context';
import { raiseIncident } from './incident-behavior';
import { createJob, evaluateJobDefinition } from './job-behavior';
import { mergeLocal, propagate } from './variable-behavior';

/**
 * Execution listeners (Camunda 8.6+): jobs of kind EXECUTION_LISTENER that run one after the other, in model
 * order. Start listeners run after the input mappings and before the element's subscriptions, expressions and
 * behaviour; end listeners after the output mappings and before the element is left. The element waits in
 * ACTIVATING or COMPLETING meanwhile; once the last one completes, the processor's hook is entered again and
 * finds them done (the instance counts the completed ones, so a step retried after an incident does not run them
 * again).
 */

export type ListenerEvent = 'start' | 'end';

export const listenersOf = (element: ExecutableElement, eventType: ListenerEvent): ExecutionListenerDefinition[] =>
  element.executionListeners.filter((listener) => listener.eventType === eventType);

/** True when the element has listeners of the event type and every one of them has completed. */
export function listenersCompleted(element: ExecutableElement, instance: ElementInstance, eventType: ListenerEvent) {
  const count = listenersOf(element, eventType).length;
  return count > 0 && instance.completedListeners?.[eventType] === count;
}

/**
 * Starts the element's listeners of the event type, unless it has none or they have all completed. True when
 * the instance must now wait (the first listener's job is created, or its expressions raised an incident).
 */
export function beginListeners(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  eventType: ListenerEvent,
): boolean {
  if (listenersOf(element, eventType).length === 0 || listenersCompleted(element, instance, eventType)) return false;
  createListenerJob(ctx, element, instance, eventType, 0);
  return true;
}

/**
 * The job of one listener. Its type and retries are evaluated now; a failure raises an incident on the element,
 * and resolving it starts the listeners of that event type from the first again (as Zeebe's docs say).
 */
function createListenerJob(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  eventType: ListenerEvent,
  index: number,
): void {
  const listener = listenersOf(element, eventType)[index];
  const definition = evaluateJobDefinition(ctx, instance, listener);
  if (!definition.ok) {
    raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', definition.message);
    return;
  }
  // The listener's headers win over the element's own.
  createJob(ctx, element, instance, definition.type, definition.retries, ctx.state.keys.next(), listener.headers, {
    kind: 'EXECUTION_LISTENER',
    listenerEventType: eventType === 'start' ? 'START' : 'END',
    listenerIndex: index,
  });
}

/**
 * A listener's job completed: its variables land (start: as the element's locals; end: in the flow scope, like
 * output mappings), then the next listener runs, or the element goes on with what the listeners held up.
 */
export function executionListenerCompleted(
  ctx: BpmnContext,
  job: Job,
  instance: ElementInstance,
  element: ExecutableElement,
  processor: ElementProcessor,
  variables: Variables,
): void {
  const eventType: ListenerEvent = job.listenerEventType === 'END' ? 'end' : 'start';
  if (eventType === 'start' || instance.flowScopeKey === -1) mergeLocal(ctx, instance.key, variables);
  else propagate(ctx, instance.flowScopeKey, variables);
  const next = (job.listenerIndex ?? 0) + 1;
  if (next < listenersOf(element, eventType).length) {
    createListenerJob(ctx, element, instance, eventType, next);
  } else if (eventType === 'start') {
    processor.onActivate(ctx, element, instance);
  } else {
    processor.onComplete(ctx, element, instance);
  }
}

/**
 * For elements without input or output mappings of their own (the process, gateways): the start listeners run
 * before the processor's activation, the end listeners before its completion.
 */
export function withExecutionListeners(processor: ElementProcessor): ElementProcessor {
  return {
    ...processor,
    onActivate(ctx, element, instance) {
      if (!beginListeners(ctx, element, instance, 'start')) processor.onActivate(ctx, element, instance);
    },
    onComplete(ctx, element, instance, flowIds) {
      if (!beginListeners(ctx, element, instance, 'end')) processor.onComplete(ctx, element, instance, flowIds);
    },
  };
}
