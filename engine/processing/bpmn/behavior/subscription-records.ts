import type { EventSubscription } from '../../../state/event-entities';
import type { ValueType } from '../../../records/record-values';

type SubscriptionValueType = Extract<
  ValueType,
  | 'TIMER'
  | 'SIGNAL_SUBSCRIPTION'
  | 'MESSAGE_START_EVENT_SUBSCRIPTION'
  | 'PROCESS_MESSAGE_SUBSCRIPTION'
  | 'CONDITIONAL_SUBSCRIPTION'
>;

/** The record value type Zeebe uses for each kind of subscription. */
export function subscriptionValueType(
  subscription: Pick<EventSubscription, 'kind' | 'elementInstanceKey'>,
): SubscriptionValueType {
  if (subscription.kind === 'timer') return 'TIMER';
  if (subscription.kind === 'signal') return 'SIGNAL_SUBSCRIPTION';
  if (subscription.kind === 'conditional') return 'CONDITIONAL_SUBSCRIPTION';
  return subscription.elementInstanceKey === -1 ? 'MESSAGE_START_EVENT_SUBSCRIPTION' : 'PROCESS_MESSAGE_SUBSCRIPTION';
}

/** The intent that closes a subscription of that kind. */
export function closingIntent(subscription: Pick<EventSubscription, 'kind'>): 'CANCELED' | 'DELETED' {
  return subscription.kind === 'timer' ? 'CANCELED' : 'DELETED';
}
