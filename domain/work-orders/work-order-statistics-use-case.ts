/**
 * GET /api/work-orders/statistics: per handling unit and per order type, how many orders, how many archived,
 * the share on time and the average handling time (acceptance → archive). On time: a fault repair that kept both
 * its commitments, arrival and restoration, by the times its crew recorded; one past either commitment counts as
 * late even before anything is recorded (decision 0019). Other orders: replied within their handling limit.
 * Orders not decided yet are not counted; the share is null only when nothing is counted, and the answer says so.
 */
import { WorkOrder } from '../../db/work-orders';
import { appClock } from '../../lib/clock/app-clock';
import { parseQuery } from '../../lib/validation/parse-input';
import { acceptedWithin } from './list-work-orders-use-case';
import { listInput } from './work-order-input';
import { repairCommitments } from './repair-commitments';
import { scopeWhere, type ScopeUser } from '../users';

interface Bucket {
  count: number;
  archived: number;
  /** Orders whose timeliness is decided (the denominator of the share). */
  counted: number;
  onTime: number;
  minutes: number[];
}

function summarise(key: string, bucket: Bucket) {
  const average = bucket.minutes.length ? bucket.minutes.reduce((a, b) => a + b, 0) / bucket.minutes.length : null;
  return {
    key,
    count: bucket.count,
    archived: bucket.archived,
    onTimeCounted: bucket.counted,
    onTimeShare: bucket.counted ? Math.round((bucket.onTime / bucket.counted) * 1000) / 1000 : null,
    ...(bucket.counted
      ? {}
      : { onTimeNote: '尚无可判定是否按时的工单 / no order here is decided on time or late yet' }),
    averageHandlingMinutes: average === null ? null : Math.round(average),
  };
}

/** On time (true), late (false) or not decided yet (null). */
function timeliness(order: WorkOrder, now: Date): boolean | null {
  if (order.arrivalDueAt) return repairCommitments(order, now).onTime;
  return order.onTime;
}

function groupBy(orders: WorkOrder[], keyOf: (order: WorkOrder) => string, now: Date) {
  const buckets = new Map<string, Bucket>();
  for (const order of orders) {
    const key = keyOf(order);
    const bucket = buckets.get(key) ?? { count: 0, archived: 0, counted: 0, onTime: 0, minutes: [] };
    bucket.count += 1;
    if (order.state === 'archived') bucket.archived += 1;
    const onTime = timeliness(order, now);
    if (onTime !== null) bucket.counted += 1;
    if (onTime) bucket.onTime += 1;
    if (order.handlingMinutes !== null) bucket.minutes.push(order.handlingMinutes);
    buckets.set(key, bucket);
  }
  return [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, b]) => summarise(key, b));
}

/** Over the orders of the reader's units (decision 0025). */
export async function workOrderStatistics(reader: ScopeUser, query: unknown) {
  const input = parseQuery(listInput.pick({ from: true, to: true }), query, '工单统计');
  const where = { ...acceptedWithin(input.from, input.to), ...(await scopeWhere(reader, 'handlingUnit')) };
  const orders = await WorkOrder.findAll({ where });
  const now = appClock.now();
  return {
    total: orders.length,
    byUnit: groupBy(orders, (order) => order.handlingUnit, now),
    byType: groupBy(orders, (order) => order.orderType, now),
  };
}
