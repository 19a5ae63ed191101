/**
 * GET /api/work-orders/statistics: per handling unit and per order type, how many orders, how many archived,
 * the share replied within the limit (of those replied), and the average handling time (acceptance → archive).
 */
import { WorkOrder } from '../../db/work-orders';
import { parseInput } from '../../lib/validation/parse-input';
import { acceptedWithin } from './list-work-orders-use-case';
import { listInput } from './work-order-input';

interface Bucket {
  count: number;
  archived: number;
  replied: number;
  onTime: number;
  minutes: number[];
}

function summarise(key: string, bucket: Bucket) {
  const average = bucket.minutes.length ? bucket.minutes.reduce((a, b) => a + b, 0) / bucket.minutes.length : null;
  return {
    key,
    count: bucket.count,
    archived: bucket.archived,
    onTimeShare: bucket.replied ? Math.round((bucket.onTime / bucket.replied) * 1000) / 1000 : null,
    averageHandlingMinutes: average === null ? null : Math.round(average),
  };
}

function groupBy(orders: WorkOrder[], keyOf: (order: WorkOrder) => string) {
  const buckets = new Map<string, Bucket>();
  for (const order of orders) {
    const key = keyOf(order);
    const bucket = buckets.get(key) ?? { count: 0, archived: 0, replied: 0, onTime: 0, minutes: [] };
    bucket.count += 1;
    if (order.state === 'archived') bucket.archived += 1;
    if (order.onTime !== null) bucket.replied += 1;
    if (order.onTime) bucket.onTime += 1;
    if (order.handlingMinutes !== null) bucket.minutes.push(order.handlingMinutes);
    buckets.set(key, bucket);
  }
  return [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, b]) => summarise(key, b));
}

export async function workOrderStatistics(query: unknown) {
  const input = parseInput(listInput, query, '工单统计');
  const orders = await WorkOrder.findAll({ where: acceptedWithin(input.from, input.to) });
  return {
    total: orders.length,
    byUnit: groupBy(orders, (order) => order.handlingUnit),
    byType: groupBy(orders, (order) => order.orderType),
  };
}
