import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { completeElement, terminateElement, transitionToTerminated } from '../behavior/element-lifecycle';
import { activateInScope, retryInclusiveJoins } from '../behavior/flow-behavior';
import { activatePlans } from '../behavior/activation-plan';
import { releaseHeldEvent } from '../behavior/held-event-behavior';

/** What the process and embedded subprocesses share: starting their children, finishing when they are done. */

/** Activates the none start event, or what start instructions or a modification name instead. */
export function startChildren(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void {
  const instructed = ctx.startInstructions.get(instance.key);
  ctx.startInstructions.delete(instance.key);
  if (instructed) activatePlans(ctx, instance, instructed);
  else if (element.noneStartEventId) activateInScope(ctx, instance, element.noneStartEventId, 0);
}

export function terminateChildren(ctx: BpmnContext, instance: ElementInstance): void {
  const children = ctx.state.elementInstances.childrenOf(instance.key);
  for (const child of children) terminateElement(ctx, child);
  // Children that finished terminating told the scope; with none at all, nobody did.
  if (children.length === 0) transitionToTerminated(ctx, instance);
}

/** After a child finished: a terminating scope with no children left is terminated; an active one may complete. */
export function onChildFinished(ctx: BpmnContext, _element: ExecutableElement, scope: ElementInstance): void {
  if (scope.state === 'ELEMENT_TERMINATING') {
    if (scope.activeChildren === 0) transitionToTerminated(ctx, scope);
    return;
  }
  if (scope.state !== 'ELEMENT_ACTIVATED') return;
  // An interrupting event subprocess took the scope over: it starts once the last other child is gone.
  if (scope.pendingEvent) {
    if (scope.activeChildren === 0) releaseHeldEvent(ctx, scope, scope);
    return;
  }
  retryInclusiveJoins(ctx, scope);
  const inFlight = ctx.inFlight.get(scope.key)?.size ?? 0;
  if (scope.activeChildren === 0 && scope.pendingFlows <= 0 && inFlight === 0) completeElement(ctx, scope);
}
