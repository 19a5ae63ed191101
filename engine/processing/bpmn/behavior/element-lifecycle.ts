import type { ExecutableElement, ExecutableProcess } from '../../../model/executable-model';
import type { ElementBookkeeping } from '../../../records/record-values';
import type { ElementInstance, ElementInstanceState } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { takeFlows } from './flow-behavior';
import { rememberForCompensation, throwWaitingOnlyFor } from './compensation-behavior';
import { beforeInnerCompleted, isInnerInstance } from './multi-instance-behavior';
import { resolveIncidentsOf } from './incident-behavior';
import { cancelJob } from './job-behavior';
import { closeSubscriptions } from './subscription-behavior';
import { releaseHeldEvent } from './held-event-behavior';
import { processInstanceValue } from './record-values';

/**
 * The state transitions every element goes through (ACTIVATING → ACTIVATED → COMPLETING → COMPLETED, or
 * TERMINATING → TERMINATED), and what follows them: taking outgoing flows and telling the flow scope. The
 * processors of the elements are reached through the context (`ctx.processorFor`), never imported.
 */

export function modelOf(ctx: BpmnContext, instance: ElementInstance): ExecutableProcess {
  return ctx.state.processes.model(instance.processDefinitionKey);
}

export function elementOf(ctx: BpmnContext, instance: ElementInstance): ExecutableElement {
  const element = modelOf(ctx, instance).elements.get(instance.elementId);
  if (!element) throw new Error(`element ${instance.elementId} not in process ${instance.bpmnProcessId}`);
  return element;
}

function write(
  ctx: BpmnContext,
  intent: ElementInstanceState,
  instance: ElementInstance,
  bookkeeping?: ElementBookkeeping,
): void {
  ctx.writer.append(
    'PROCESS_INSTANCE',
    intent,
    instance.key,
    processInstanceValue(instance, elementOf(ctx, instance)),
    bookkeeping,
  );
}

/** `links`: what the activated instance is now tied to (its job, the process instance it called). */
export function transitionToActivated(
  ctx: BpmnContext,
  instance: ElementInstance,
  links?: { jobKey?: number; calledInstanceKey?: number; userTaskKey?: number; loopCollection?: unknown[] },
): void {
  write(ctx, 'ELEMENT_ACTIVATED', instance, links);
}

/** Starts completing the instance; the processor's onComplete finishes it (output mappings, then completed). */
export function completeElement(ctx: BpmnContext, instance: ElementInstance, flowIds?: string[]): void {
  closeSubscriptions(ctx, instance);
  write(ctx, 'ELEMENT_COMPLETING', instance);
  const element = elementOf(ctx, instance);
  ctx.processorFor(element, instance).onComplete(ctx, element, instance, flowIds);
}

/** The instance is completed: its outgoing flows are taken, then its flow scope hears of it. */
export function transitionToCompleted(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  flowIds: string[] = element.outgoing,
  bookkeeping?: ElementBookkeeping,
): void {
  const heldKey = ctx.state.messages.heldCorrelationKey(instance.key);
  // An inner instance of a multi-instance activity hands its output to the body, which takes the flows; it stays
  // COMPLETING when the completion condition fails (an incident).
  if (isInnerInstance(ctx, instance)) {
    if (!beforeInnerCompleted(ctx, element, instance)) return;
    flowIds = [];
  }
  write(ctx, 'ELEMENT_COMPLETED', instance, bookkeeping);
  rememberForCompensation(ctx, element, instance);
  takeFlows(ctx, instance, flowIds);
  // A compensation handler: when it was the last one its throw event waited for, the throw event goes on.
  const thrower = throwWaitingOnlyFor(ctx, instance);
  if (thrower) completeElement(ctx, thrower);
  notifyFlowScope(ctx, instance);
  if (heldKey !== undefined) ctx.startFromBuffer(instance.bpmnProcessId, heldKey);
}

export function terminateElement(ctx: BpmnContext, instance: ElementInstance): void {
  if (
    instance.state !== 'ELEMENT_ACTIVATING' &&
    instance.state !== 'ELEMENT_ACTIVATED' &&
    instance.state !== 'ELEMENT_COMPLETING'
  ) {
    return;
  }
  closeSubscriptions(ctx, instance);
  // A listener job the instance waits for goes with it.
  cancelJob(ctx, ctx.state.jobs.listenerJobOf(instance.key)?.key);
  write(ctx, 'ELEMENT_TERMINATING', instance);
  const element = elementOf(ctx, instance);
  ctx.processorFor(element, instance).onTerminate(ctx, element, instance);
}

export function transitionToTerminated(ctx: BpmnContext, instance: ElementInstance): void {
  resolveIncidentsOf(ctx, instance.key);
  const heldKey = ctx.state.messages.heldCorrelationKey(instance.key);
  write(ctx, 'ELEMENT_TERMINATED', instance);
  if (heldKey !== undefined) ctx.startFromBuffer(instance.bpmnProcessId, heldKey);
  if (instance.parentElementInstanceKey !== undefined) calledInstanceTerminated(ctx, instance);
  if (instance.flowScopeKey === -1) ctx.effects.terminatedInstances.add(instance.processInstanceKey);
  // Before the scope hears of it, so that it does not complete in between.
  releaseBoundaryEvent(ctx, instance);
  notifyFlowScope(ctx, instance);
}

/** The interrupting boundary event that terminated the instance, now that it is terminated. */
function releaseBoundaryEvent(ctx: BpmnContext, instance: ElementInstance): void {
  const held = instance.pendingEvent;
  if (!held || modelOf(ctx, instance).elements.get(held.elementId)?.kind !== 'boundaryEvent') return;
  const scope = ctx.state.elementInstances.get(instance.flowScopeKey);
  if (scope) releaseHeldEvent(ctx, instance, scope);
}

function notifyFlowScope(ctx: BpmnContext, instance: ElementInstance): void {
  if (instance.flowScopeKey === -1) return;
  const scope = ctx.state.elementInstances.get(instance.flowScopeKey);
  if (!scope) return;
  const scopeElement = elementOf(ctx, scope);
  ctx.processorFor(scopeElement, scope).onChildFinished?.(ctx, scopeElement, scope);
}

/** A called process instance was terminated because its call activity is being terminated: that one is done now. */
function calledInstanceTerminated(ctx: BpmnContext, child: ElementInstance): void {
  const caller = ctx.state.elementInstances.get(child.parentElementInstanceKey!);
  if (caller?.state === 'ELEMENT_TERMINATING') transitionToTerminated(ctx, caller);
}
