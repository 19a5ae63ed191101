/**
 * A fault repair's arrival or restoration time, as the crew recorded it on its form: `at` not before `earliest` (the
 * crew took the order, or arrived) and not in the future, written to the order with the restoration commitment that
 * counts from the arrival (decision 0019). The first visit's times are the ones the commitments judge; a reopened
 * order's later visits are kept in its history only.
 */
import type { WorkOrder } from '../../db/work-orders';
import { appClock } from '../../lib/clock/app-clock';
import type { DomainServices } from '../domain-services';
import { stepActor } from './step-actor';
import { recordOrderEvent } from './work-order-repository';

/** The time cannot be right: a client completed the task past the form check. Retrying will not help. */
export class RepairTimeRefused extends Error {}

export interface RepairTime {
  orderNo: string;
  processInstanceKey: string;
  event: 'arrival' | 'restoration';
  at: Date;
  earliest: Date | null;
  /** The restoration commitment's due date (the handling limit), set with the arrival. */
  restorationDue: unknown;
  note: string | null;
  occasion: string;
}

function requireSequence(at: Date, earliest: Date | null, what: string, current: Date): void {
  if (at.getTime() > current.getTime()) throw new RepairTimeRefused(`${what} 晚于当前时间 / ${what} is in the future`);
  if (earliest && at.getTime() < earliest.getTime())
    throw new RepairTimeRefused(`${what} 早于 ${earliest.toISOString()} / ${what} is before ${earliest.toISOString()}`);
}

export async function recordRepairTime(services: DomainServices, input: RepairTime): Promise<void> {
  const { event, at, restorationDue } = input;
  const arrival = event === 'arrival';
  requireSequence(at, input.earliest, arrival ? '到达现场时间 arrivedAt' : '恢复送电时间 restoredAt', appClock.now());
  const dedupKey = `${event}:${input.occasion}`;
  const elementIds = [arrival ? 'arrive' : 'restore'];
  const actor = await stepActor(services, { ...input, elementIds, kinds: [event], dedupKey });
  const change = (order: WorkOrder): Partial<WorkOrder> => {
    if (arrival)
      return order.arrivedAt
        ? {}
        : { arrivedAt: at, restorationDueAt: typeof restorationDue === 'string' ? new Date(restorationDue) : null };
    return order.restoredAt ? {} : { restoredAt: at };
  };
  await recordOrderEvent({ orderNo: input.orderNo, kind: event, dedupKey, at, ...actor, comment: input.note }, change);
}
