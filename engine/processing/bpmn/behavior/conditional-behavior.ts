import { evaluateFeel } from '../../../feel/feel-evaluator';
import type { EventSubscription } from '../../../state/event-entities';
import type { BpmnContext } from '../bpmn-context';
import { modelOf } from './element-lifecycle';
import { triggerSubscription } from './event-trigger-behavior';
import { scopeChain, visibleVariables } from './variable-behavior';

/**
 * Conditional events (Zeebe's conditionals concept): a subscription's condition is evaluated when it opens and
 * when a variable it reads changes in a scope it can see. Scopes are visited top-down (outer owners first), so an
 * interrupting event of an outer scope ends the inner ones before they are looked at. Only `true` triggers; an
 * expression that fails or gives anything else counts as not yet (a wait-until condition on variables that do not
 * exist yet is normal, not an incident).
 */
export function evaluateConditions(ctx: BpmnContext): void {
  const pending = ctx.pendingConditions;
  const candidates = new Set<number>(pending.opened);
  for (const [scopeKey, names] of pending.changes) {
    const scope = ctx.state.elementInstances.get(scopeKey);
    if (!scope) continue; // the scope ended in the same command; its events closed with it
    for (const subscription of ctx.state.subscriptions.conditionalsOf(scope.processInstanceKey)) {
      if (reactsTo(ctx, subscription, scopeKey, names)) candidates.add(subscription.key);
    }
  }
  pending.opened = [];
  pending.changes.clear();

  const ordered = [...candidates]
    .map((key) => ctx.state.subscriptions.get(key))
    .filter((subscription): subscription is EventSubscription => subscription !== undefined)
    .map((subscription) => ({ subscription, depth: scopeChain(ctx, subscription.elementInstanceKey).length }))
    .sort((a, b) => a.depth - b.depth || a.subscription.key - b.subscription.key);
  for (const { subscription } of ordered) {
    // An earlier trigger of this round may have closed it or ended a scope around its owner.
    if (!ctx.state.subscriptions.get(subscription.key) || !ownerStillWaits(ctx, subscription)) continue;
    if (!conditionHolds(ctx, subscription)) continue;
    const { key, ...value } = subscription;
    ctx.writer.append('CONDITIONAL_SUBSCRIPTION', 'TRIGGERED', key, value);
    triggerSubscription(ctx, subscription, {});
  }
}

/** The change is visible to the subscription's owner, touches a variable its condition reads, and passes its filter. */
function reactsTo(
  ctx: BpmnContext,
  subscription: EventSubscription,
  scopeKey: number,
  names: Map<string, 'create' | 'update'>,
): boolean {
  const conditional = catchElementOf(ctx, subscription)?.conditional;
  if (!conditional) return false;
  const relevant = conditional.variableNames.some((name) => {
    const event = names.get(name);
    return event !== undefined && (conditional.variableEvents?.includes(event) ?? true);
  });
  return relevant && scopeChain(ctx, subscription.elementInstanceKey).includes(scopeKey);
}

function ownerStillWaits(ctx: BpmnContext, subscription: EventSubscription): boolean {
  return scopeChain(ctx, subscription.elementInstanceKey).every(
    (key) => ctx.state.elementInstances.get(key)?.state === 'ELEMENT_ACTIVATED',
  );
}

function conditionHolds(ctx: BpmnContext, subscription: EventSubscription): boolean {
  const conditional = catchElementOf(ctx, subscription)?.conditional;
  if (!conditional) return false;
  const result = evaluateFeel(conditional.condition, visibleVariables(ctx, subscription.elementInstanceKey), 'ANY');
  return result.ok && result.value === true;
}

function catchElementOf(ctx: BpmnContext, subscription: EventSubscription) {
  const owner = ctx.state.elementInstances.get(subscription.elementInstanceKey);
  return owner ? modelOf(ctx, owner).elements.get(subscription.catchElementId) : undefined;
}
