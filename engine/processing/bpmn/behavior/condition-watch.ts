import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';

/**
 * Collects what conditional events must look at after the current command: the subscriptions it opened and the
 * variables it changed. One EVALUATE_CONDITIONS follow-up takes them all, so that a command that changes several
 * variables triggers a conditional event at most once (Zeebe's "single evaluation per state update").
 */

/** A variable was created or updated in `scope`; nothing to do when no conditional event waits in the instance. */
export function noteVariableChange(
  ctx: BpmnContext,
  scope: ElementInstance,
  name: string,
  event: 'create' | 'update',
): void {
  if (!ctx.state.subscriptions.hasConditionals(scope.processInstanceKey)) return;
  queueEvaluation(ctx);
  const changes = ctx.pendingConditions.changes;
  let names = changes.get(scope.key);
  if (!names) changes.set(scope.key, (names = new Map()));
  // Created and then updated within one command is still a creation for the variable filter.
  if (!names.has(name)) names.set(name, event);
}

/** A conditional subscription opened: its condition is evaluated once the activation is done. */
export function noteOpenedCondition(ctx: BpmnContext, subscriptionKey: number): void {
  queueEvaluation(ctx);
  ctx.pendingConditions.opened.push(subscriptionKey);
}

function queueEvaluation(ctx: BpmnContext): void {
  const { opened, changes } = ctx.pendingConditions;
  if (opened.length === 0 && changes.size === 0) ctx.followUp({ intent: 'EVALUATE_CONDITIONS' });
}
