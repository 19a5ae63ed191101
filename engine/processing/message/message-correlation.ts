import type { Variables } from '../../engine-api';
import type { BufferedMessage, EventSubscription } from '../../state/event-entities';
import { triggerSubscription } from '../bpmn/behavior/event-trigger-behavior';
import type { BpmnContext } from '../bpmn/bpmn-context';
import { subscriptionValueType } from '../bpmn/behavior/subscription-records';

/**
 * Message correlation (docs/zeebe-rules.md §6): a message reaches at most one subscription per BPMN process id (the
 * oldest), across instances and versions; a message start event starts an instance unless one started with the same
 * correlation key is still running.
 */

export interface MessageToCorrelate {
  key: number;
  name: string;
  correlationKey: string;
  variables: Variables;
  /** Process ids it already reached. */
  correlatedProcessIds: string[];
}

/**
 * Records the correlation and triggers the subscription; answers the process instance key it reached. A waiting
 * instance's correlation is recorded before the event moves it on; a start event's after it created the instance.
 */
function correlate(ctx: BpmnContext, subscription: EventSubscription, message: MessageToCorrelate): number | undefined {
  const record = (processInstanceKey: number): void => {
    const { key, ...value } = subscription;
    ctx.writer.append(subscriptionValueType(subscription), 'CORRELATED', key, {
      ...value,
      processInstanceKey,
      messageKey: message.key,
      messageName: message.name,
      messageCorrelationKey: message.correlationKey,
      variables: message.variables,
    });
  };
  if (subscription.elementInstanceKey === -1) {
    const started = triggerSubscription(ctx, subscription, message.variables);
    if (started !== undefined) record(started);
    return started;
  }
  const owner = ctx.state.elementInstances.get(subscription.elementInstanceKey);
  if (owner?.state !== 'ELEMENT_ACTIVATED') return undefined;
  record(owner.processInstanceKey);
  return triggerSubscription(ctx, subscription, message.variables);
}

/** Correlates to waiting subscriptions, then to message start events. Answers the process instances reached. */
export function correlateMessage(ctx: BpmnContext, message: MessageToCorrelate): number[] {
  const reached: number[] = [];
  const done = new Set(message.correlatedProcessIds);
  for (const subscription of ctx.state.subscriptions.messages(message.name, message.correlationKey)) {
    if (done.has(subscription.bpmnProcessId)) continue;
    const instanceKey = correlate(ctx, subscription, message);
    if (instanceKey === undefined) continue;
    done.add(subscription.bpmnProcessId);
    reached.push(instanceKey);
  }
  for (const start of ctx.state.subscriptions.messageStarts(message.name)) {
    if (done.has(start.bpmnProcessId) || !canStart(ctx, start, message.correlationKey)) continue;
    done.add(start.bpmnProcessId);
    const instanceKey = correlate(ctx, start, message);
    if (instanceKey !== undefined) reached.push(instanceKey);
  }
  return reached;
}

/** While an instance started by a message with this correlation key runs, another message does not start one. */
function canStart(ctx: BpmnContext, start: EventSubscription, correlationKey: string): boolean {
  return !correlationKey || ctx.state.messages.startedInstance(start.bpmnProcessId, correlationKey) === undefined;
}

/** A subscription that just opened takes a buffered message (a follow-up of the opening). */
export function correlateBuffered(ctx: BpmnContext, subscriptionKey: number, messageKey: number): void {
  const subscription = ctx.state.subscriptions.get(subscriptionKey);
  const message = ctx.state.messages.get(messageKey);
  if (!subscription || !message || message.deadline <= ctx.now()) return;
  if (message.correlatedProcessIds.includes(subscription.bpmnProcessId)) return;
  correlate(ctx, subscription, message);
}

/** After an instance started by a message ends, a buffered message with the same key may start the next one. */
export function startFromBuffer(ctx: BpmnContext, bpmnProcessId: string, correlationKey: string): void {
  const starts = ctx.state.subscriptions
    .ofOwner(-1)
    .filter((s) => s.kind === 'message' && s.bpmnProcessId === bpmnProcessId);
  for (const start of starts) {
    const message: BufferedMessage | undefined = ctx.state.messages
      .matching(start.name!, correlationKey)
      .find((m) => m.deadline > ctx.now() && !m.correlatedProcessIds.includes(bpmnProcessId));
    if (message && canStart(ctx, start, correlationKey)) {
      correlateMessage(ctx, { ...message, correlatedProcessIds: message.correlatedProcessIds });
      return;
    }
  }
}
