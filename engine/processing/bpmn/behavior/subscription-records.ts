import type { EventSubscription } from '../../../state/event-entities';
import type { ValueType } from '../../records';

/** The record value type Zeebe uses for each kind of subscription. */
export function subscriptionValueType(subscription: Pick<EventSubscription, 'kind' | 'elementInstanceKey'>): ValueType {
  if (subscription.kind === 'timer') return 'TIMER';
  if (subscription.kind === 'signal') return 'SIGNAL_SUBSCRIPTION';
  return subscription.elementInstanceKey === -1 ? 'MESSAGE_START_EVENT_SUBSCRIPTION' : 'PROCESS_MESSAGE_SUBSCRIPTION';
}

/** The intent that closes a subscription of that kind. */
export function closingIntent(subscription: Pick<EventSubscription, 'kind'>): string {
  return subscription.kind === 'timer' ? 'CANCELED' : 'DELETED';
}
