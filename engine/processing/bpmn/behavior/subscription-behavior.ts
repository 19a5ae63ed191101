import { evaluateFeel, evaluateValue } from '../../../feel/feel-evaluator';
import type { ExecutableElement, ExecutableProcess } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { EventSubscription } from '../../../state/event-entities';
import type { BpmnContext } from '../bpmn-context';
import { noteOpenedCondition } from './condition-watch';
import { closingIntent, subscriptionValueType } from './subscription-records';
import { isBody, isInnerInstance } from './multi-instance-behavior';
import { evaluateTimer } from './timer-behavior';
import { visibleVariables } from './variable-behavior';

/**
 * Event subscriptions of an element instance: its boundary events' (an activity), its event subprocesses'
 * (a container), its targets' (an event-based gateway) and its own (a catch event or receive task). Opened on
 * activation, after input mappings; closed when the instance is left.
 */

export type OpenResult = { ok: true } | { ok: false; message: string };

/** The event kinds an element instance subscribes to (errors, escalations and compensation are found by search). */
const SUBSCRIBING_EVENTS: readonly string[] = ['message', 'timer', 'signal', 'conditional'];

/** The catch elements whose events an element instance waits for, with whether each interrupts. */
function catchElementsOf(
  model: ExecutableProcess,
  element: ExecutableElement,
  own: boolean,
  part: 'whole' | 'body' | 'inner',
): Array<[ExecutableElement, boolean]> {
  const result: Array<[ExecutableElement, boolean]> = [];
  if (own && part !== 'body') result.push([element, true]);
  // A multi-instance activity's boundary events listen on its body; the rest on each inner instance.
  for (const id of part === 'inner' ? [] : (element.boundaryEventIds ?? [])) {
    const boundary = model.elements.get(id)!;
    result.push([boundary, boundary.cancelActivity !== false]);
  }
  for (const id of part === 'body' ? [] : (element.eventSubProcessIds ?? [])) {
    const start = model.elements.get(model.elements.get(id)!.startEventId ?? '');
    if (start) result.push([start, start.interrupting !== false]);
  }
  for (const id of element.kind === 'eventBasedGateway' ? (element.targetEventIds ?? []) : []) {
    result.push([model.elements.get(id)!, true]);
  }
  return result.filter(
    ([catchElement]) => SUBSCRIBING_EVENTS.includes(catchElement.eventKind) || catchElement.kind === 'receiveTask',
  );
}

/** Opens the subscriptions of an element instance (closing any left from an earlier try first). */
export function openSubscriptions(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  own: boolean,
): OpenResult {
  closeSubscriptions(ctx, instance);
  const part = isBody(instance) ? 'body' : isInnerInstance(ctx, instance) ? 'inner' : 'whole';
  const catchElements = catchElementsOf(ctx.state.processes.model(instance.processDefinitionKey), element, own, part);
  if (catchElements.length === 0) return { ok: true };
  const variables = visibleVariables(ctx, instance.key);
  for (const [catchElement, interrupting] of catchElements) {
    const opened = openOne(ctx, instance, catchElement, interrupting, variables);
    if (!opened.ok) {
      closeSubscriptions(ctx, instance);
      return opened;
    }
  }
  return { ok: true };
}

type NewSubscription = Omit<EventSubscription, 'key'>;
type Planned = { ok: true; subscription: NewSubscription } | { ok: false; message: string };

/**
 * The subscriptions an active instance's boundary events would open, evaluated without writing anything: a
 * migration checks them before it changes the instance, then opens them with openPlannedSubscription.
 */
export function plannedBoundarySubscriptions(
  ctx: BpmnContext,
  owner: SubscriptionOwner,
  boundaries: ExecutableElement[],
): { ok: true; subscriptions: NewSubscription[] } | { ok: false; message: string } {
  const variables = visibleVariables(ctx, owner.key);
  const subscriptions: NewSubscription[] = [];
  for (const boundary of boundaries) {
    if (!SUBSCRIBING_EVENTS.includes(boundary.eventKind)) continue;
    const planned = planOne(ctx, owner, boundary, boundary.cancelActivity !== false, variables);
    if (!planned.ok) return planned;
    subscriptions.push(planned.subscription);
  }
  return { ok: true, subscriptions };
}

type SubscriptionOwner = Pick<
  ElementInstance,
  'key' | 'processInstanceKey' | 'processDefinitionKey' | 'bpmnProcessId' | 'tenantId'
>;

function planOne(
  ctx: BpmnContext,
  owner: SubscriptionOwner,
  catchElement: ExecutableElement,
  interrupting: boolean,
  variables: Record<string, unknown>,
): Planned {
  const base: Omit<EventSubscription, 'key' | 'kind'> = {
    elementInstanceKey: owner.key,
    processInstanceKey: owner.processInstanceKey,
    processDefinitionKey: owner.processDefinitionKey,
    bpmnProcessId: owner.bpmnProcessId,
    tenantId: owner.tenantId,
    catchElementId: catchElement.id,
    interrupting,
  };
  if (catchElement.eventKind === 'timer') {
    const timer = evaluateTimer(catchElement.timer!, variables, ctx.now());
    if (!timer.ok) return timer;
    const { ok: _ok, ...schedule } = timer;
    return { ok: true, subscription: { ...base, kind: 'timer', ...schedule } };
  }
  if (catchElement.eventKind === 'conditional') {
    // The condition is read from the model whenever it is evaluated (behavior/conditional-behavior.ts).
    return { ok: true, subscription: { ...base, kind: 'conditional' } };
  }
  if (catchElement.eventKind === 'signal') {
    const name = evaluateValue(catchElement.signal!.name, variables, 'STRING');
    if (!name.ok) return name;
    return { ok: true, subscription: { ...base, kind: 'signal', name: String(name.value) } };
  }
  const name = evaluateValue(catchElement.message!.name, variables, 'STRING');
  if (!name.ok) return name;
  const correlation = evaluateFeel(catchElement.message!.correlationKey ?? '', variables, 'STRING_OR_NUMBER');
  if (!correlation.ok) return correlation;
  return {
    ok: true,
    subscription: { ...base, kind: 'message', name: String(name.value), correlationKey: String(correlation.value) },
  };
}

/** Writes a subscription evaluated before; a buffered message it matches correlates now (first come first). */
export function openPlannedSubscription(ctx: BpmnContext, subscription: NewSubscription): void {
  const key = ctx.state.keys.next();
  if (subscription.kind === 'timer') {
    ctx.writer.append('TIMER', 'CREATED', key, subscription);
    return;
  }
  if (subscription.kind === 'signal') {
    ctx.writer.append('SIGNAL_SUBSCRIPTION', 'CREATED', key, subscription);
    return;
  }
  if (subscription.kind === 'conditional') {
    ctx.writer.append('CONDITIONAL_SUBSCRIPTION', 'CREATED', key, subscription);
    noteOpenedCondition(ctx, key);
    return;
  }
  ctx.writer.append('PROCESS_MESSAGE_SUBSCRIPTION', 'CREATED', key, subscription);
  const buffered = ctx.state.messages
    .matching(subscription.name!, subscription.correlationKey!)
    .find((m) => m.deadline > ctx.now() && !m.correlatedProcessIds.includes(subscription.bpmnProcessId));
  if (buffered) ctx.followUp({ intent: 'CORRELATE_BUFFERED', subscriptionKey: key, messageKey: buffered.key });
}

function openOne(
  ctx: BpmnContext,
  owner: ElementInstance,
  catchElement: ExecutableElement,
  interrupting: boolean,
  variables: Record<string, unknown>,
): OpenResult {
  const planned = planOne(ctx, owner, catchElement, interrupting, variables);
  if (!planned.ok) return planned;
  openPlannedSubscription(ctx, planned.subscription);
  return { ok: true };
}

/** Closes the subscriptions an element instance owns. */
export function closeSubscriptions(ctx: BpmnContext, owner: ElementInstance): void {
  for (const subscription of ctx.state.subscriptions.ofOwner(owner.key)) closeSubscription(ctx, subscription);
}

export function closeSubscription(ctx: BpmnContext, subscription: EventSubscription): void {
  const { key, ...value } = subscription;
  ctx.writer.append(subscriptionValueType(subscription), closingIntent(subscription), key, value);
}
