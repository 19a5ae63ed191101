import type { Variables } from '../../engine-api';
import { triggerSubscription } from '../bpmn/behavior/event-trigger-behavior';
import type { BpmnContext } from '../bpmn/bpmn-context';

/**
 * A signal reaches every subscription of its name (docs/zeebe-rules.md §9): waiting catch and boundary events, event
 * subprocesses, and the signal start events of the latest versions (one new instance each).
 */
export function broadcastSignal(ctx: BpmnContext, name: string, variables: Variables, tenantId: string): number {
  const key = ctx.state.keys.next();
  ctx.writer.append('SIGNAL', 'BROADCASTED', key, { signalName: name, variables, tenantId });
  for (const subscription of ctx.state.subscriptions.signals(name)) {
    if (ctx.state.subscriptions.get(subscription.key)) triggerSubscription(ctx, subscription, variables);
  }
  return key;
}
