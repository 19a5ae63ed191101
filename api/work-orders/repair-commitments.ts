/**
 * A fault repair's commitments (decision 0019): arrival on site by `arrivalDueAt` (counted from acceptance) and
 * restoration by `restorationDueAt` (counted from the recorded arrival), both from the decision
 * `work-order-time-limits`. An order is late once either is missed — recorded late, or not recorded by the time it
 * was due — and on time once both are recorded in time; until then it is undecided.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { decisionOutput } from '../../lib/camunda/decision-output';
import { loadBusinessCalendar, TIME_UNITS, type TimeUnit } from '../../lib/calendar';
import type { WorkOrder } from '../../db/work-orders';

export const TIME_LIMIT_DECISION = 'work-order-time-limits';

type RepairTimes = Pick<WorkOrder, 'arrivalDueAt' | 'arrivedAt' | 'restorationDueAt' | 'restoredAt'>;

export interface CommitmentState {
  dueAt: Date | null;
  at: Date | null;
  /** true: missed; false: kept; null: not decided yet. */
  late: boolean | null;
}

function commitment(dueAt: Date | null, at: Date | null, now: Date): CommitmentState {
  if (!dueAt) return { dueAt, at, late: null };
  if (at) return { dueAt, at, late: at.getTime() > dueAt.getTime() };
  return { dueAt, at, late: now.getTime() > dueAt.getTime() ? true : null };
}

export function repairCommitments(order: RepairTimes, now: Date) {
  const arrival = commitment(order.arrivalDueAt, order.arrivedAt, now);
  const restoration = commitment(order.restorationDueAt, order.restoredAt, now);
  const late = arrival.late === true || restoration.late === true;
  const kept = arrival.late === false && restoration.late === false;
  return { arrival, restoration, onTime: late ? false : kept ? true : null };
}

/** The arrival commitment of a repair accepted at `acceptedAt`: the decision's arrival limit, from acceptance. */
export async function arrivalDue(
  camunda: CamundaClients,
  facts: { orderType: string; areaType: string; subType: string | null; urgency: string },
  acceptedAt: Date,
): Promise<Date> {
  const output = (await decisionOutput(camunda, TIME_LIMIT_DECISION, {
    ...facts,
    step: 'arrival',
    dispatchLevel: null,
  })) as { amount?: unknown; unit?: unknown } | null;
  const amount = Number(output?.amount);
  const unit = output?.unit as TimeUnit;
  if (!Number.isFinite(amount) || !TIME_UNITS.includes(unit))
    throw new Error(`decision ${TIME_LIMIT_DECISION} gave no arrival limit: ${JSON.stringify(output)}`);
  return (await loadBusinessCalendar()).add(acceptedAt, amount, unit);
}
