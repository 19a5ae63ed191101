import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { activateInScope } from './flow-behavior';

/**
 * Compensation (BPMN compensation events): an activity with a compensation boundary event that completes is
 * remembered in its scope; a compensation throw or end event in that scope activates the handlers of the
 * completed activities (all, or the one it names), newest first, and waits for them before it goes on.
 * Activities inside subprocesses that already completed are not compensated from outside (not supported yet).
 */

/** Called when an activity completes: remembers it if it has a compensation handler. */
export function rememberForCompensation(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void {
  const model = ctx.state.processes.model(instance.processDefinitionKey);
  for (const id of element.boundaryEventIds ?? []) {
    const boundary = model.elements.get(id)!;
    if (boundary.eventKind !== 'compensation' || !boundary.compensationHandlerId) continue;
    ctx.writer.append('COMPENSATION_SUBSCRIPTION', 'CREATED', ctx.state.keys.next(), {
      scopeKey: instance.flowScopeKey,
      processInstanceKey: instance.processInstanceKey,
      elementInstanceKey: instance.key,
      activityId: element.id,
      handlerId: boundary.compensationHandlerId,
    });
  }
}

/** Activates the handlers a compensation throw event asks for; answers how many were started. */
export function compensate(ctx: BpmnContext, thrower: ExecutableElement, instance: ElementInstance): number {
  const scope = ctx.state.elementInstances.get(instance.flowScopeKey)!;
  const activityRef = thrower.compensation?.activityRef;
  const entries = (scope.compensations ?? []).filter((c) => !activityRef || c.activityId === activityRef).reverse();
  for (const entry of entries) {
    ctx.writer.append('COMPENSATION_SUBSCRIPTION', 'TRIGGERED', ctx.state.keys.next(), {
      scopeKey: scope.key,
      processInstanceKey: scope.processInstanceKey,
      ...entry,
      throwElementInstanceKey: instance.key,
    });
    ctx.pendingCompensations.set(`${scope.key}:${entry.handlerId}`, instance.key);
    activateInScope(ctx, scope, entry.handlerId, 0);
  }
  return entries.length;
}

/** The throw event a handler being activated works for (consumed). */
export function takeCompensationThrow(ctx: BpmnContext, flowScopeKey: number, elementId: string): number | undefined {
  const id = `${flowScopeKey}:${elementId}`;
  const key = ctx.pendingCompensations.get(id);
  ctx.pendingCompensations.delete(id);
  return key;
}

/**
 * After a handler completed: the throw event that waited for it when it was the last one (the element lifecycle
 * then completes that throw event), else undefined.
 */
export function throwWaitingOnlyFor(ctx: BpmnContext, handler: ElementInstance): ElementInstance | undefined {
  if (handler.compensationThrowKey === undefined) return undefined;
  const stillRunning = ctx.state.elementInstances
    .childrenOf(handler.flowScopeKey)
    .some((c) => c.compensationThrowKey === handler.compensationThrowKey);
  const thrower = ctx.state.elementInstances.get(handler.compensationThrowKey);
  return !stillRunning && thrower?.state === 'ELEMENT_ACTIVATED' ? thrower : undefined;
}
