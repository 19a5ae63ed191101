import type { Variables } from '../../../engine-api';
import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { EventSubscription } from '../../../state/event-entities';
import type { BpmnContext, EventTrigger } from '../bpmn-context';
import { closeSubscription, closeSubscriptions } from './subscription-behavior';
import { completeElement, elementOf, modelOf, terminateElement } from './element-lifecycle';
import { activateInScope } from './flow-behavior';
import { holdEvent, leaveTrigger, releaseHeldEvent } from './held-event-behavior';
import { mergeLocal, mergeResult } from './variable-behavior';

/**
 * Routes a triggered event to the element it activates: the waiting catch event itself, a boundary event of the
 * waiting activity, an event subprocess of the waiting scope, the chosen path of an event-based gateway, or a
 * start event of a new instance.
 */

/** The event's variables: locals of the catching element (errors), or merged like a result (the others). */
export function applyTrigger(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  trigger: EventTrigger,
): void {
  if (trigger.local) mergeLocal(ctx, instance.key, trigger.variables);
  else mergeResult(ctx, instance, element.outputMappings.length > 0, trigger.variables);
}

/** A subscription fired. Answers the process instance key it reached, or undefined when its owner cannot take it. */
export function triggerSubscription(
  ctx: BpmnContext,
  subscription: EventSubscription,
  variables: Variables,
): number | undefined {
  if (subscription.elementInstanceKey === -1) {
    // An event start (message, signal, timer start event): a new instance at that start event.
    const definition = ctx.state.processes.get(subscription.processDefinitionKey)!;
    return ctx.startInstance(definition, {
      variables: {},
      trigger: { elementId: subscription.catchElementId, variables },
    });
  }
  const owner = ctx.state.elementInstances.get(subscription.elementInstanceKey);
  if (owner?.state !== 'ELEMENT_ACTIVATED') return undefined;
  const catchElement = modelOf(ctx, owner).elements.get(subscription.catchElementId)!;
  triggerAt(ctx, owner, catchElement, { variables, local: false });
  return owner.processInstanceKey;
}

/** Activates `catchElement` for an event that reached the element instance `owner`. */
export function triggerAt(
  ctx: BpmnContext,
  owner: ElementInstance,
  catchElement: ExecutableElement,
  trigger: EventTrigger,
): void {
  const ownerElement = elementOf(ctx, owner);
  if (catchElement.id === ownerElement.id) {
    closeSubscriptions(ctx, owner);
    applyTrigger(ctx, catchElement, owner, trigger);
    completeElement(ctx, owner);
  } else if (ownerElement.kind === 'eventBasedGateway') {
    closeSubscriptions(ctx, owner);
    const flowId = ownerElement.outgoing.find((id) => modelOf(ctx, owner).flows.get(id)!.targetId === catchElement.id)!;
    leaveTrigger(ctx, owner.flowScopeKey, catchElement.id, trigger);
    completeElement(ctx, owner, [flowId]);
  } else if (catchElement.kind === 'boundaryEvent') {
    activateBoundaryEvent(ctx, owner, catchElement, trigger);
  } else {
    activateEventSubProcess(ctx, owner, catchElement, trigger);
  }
}

/**
 * A boundary event activates beside its activity; an interrupting one is held until the activity is terminated
 * (element-lifecycle releases it then).
 */
export function activateBoundaryEvent(
  ctx: BpmnContext,
  activity: ElementInstance,
  boundary: ExecutableElement,
  trigger: EventTrigger,
): void {
  if (boundary.cancelActivity === false) {
    const scope = ctx.state.elementInstances.get(activity.flowScopeKey)!;
    leaveTrigger(ctx, scope.key, boundary.id, trigger);
    activateInScope(ctx, scope, boundary.id, 0);
    return;
  }
  holdEvent(ctx, activity, boundary.id, trigger);
  terminateElement(ctx, activity);
}

/**
 * An event subprocess starts inside its scope. An interrupting one first ends everything else in the scope: its
 * other children are terminated, tokens on their way are dropped, and it is held until the last child is gone
 * (container-behavior releases it then, or here when none had to wait).
 */
export function activateEventSubProcess(
  ctx: BpmnContext,
  scope: ElementInstance,
  startEvent: ExecutableElement,
  trigger: EventTrigger,
): void {
  const eventSubProcessId = startEvent.flowScopeId!;
  if (startEvent.interrupting === false) {
    leaveTrigger(ctx, scope.key, eventSubProcessId, trigger);
    activateInScope(ctx, scope, eventSubProcessId, 0);
    return;
  }
  const model = modelOf(ctx, scope);
  for (const subscription of ctx.state.subscriptions.ofOwner(scope.key)) {
    const element = model.elements.get(subscription.catchElementId);
    if (element?.kind === 'startEvent') closeSubscription(ctx, subscription);
  }
  holdEvent(ctx, scope, eventSubProcessId, trigger);
  for (const child of ctx.state.elementInstances.childrenOf(scope.key)) terminateElement(ctx, child);
  const held = ctx.state.elementInstances.get(scope.key)!;
  if (held.pendingEvent && held.activeChildren === 0) releaseHeldEvent(ctx, held, held);
}
