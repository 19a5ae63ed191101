/** GET /api/work-orders: orders by type, state, handling unit, phone and acceptance period, newest first. */
import { Op, type WhereOptions } from 'sequelize';
import { WorkOrder } from '../../db/work-orders';
import { parseQuery } from '../../lib/validation/parse-input';
import { listInput } from './work-order-input';
import { orderSummary } from './work-order-view';
import { maskPii } from '../../lib/privacy/mask-pii';
import { scopeWhere, type ScopeUser } from '../users';

/** A day ('YYYY-MM-DD') as the start of that day in China time; instants as they are. */
export function instant(value: string, endOfDay = false): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}+08:00`);
  return new Date(value);
}

export function acceptedWithin(from?: string, to?: string): WhereOptions<WorkOrder> {
  const range: Record<symbol, Date> = {};
  if (from) range[Op.gte] = instant(from);
  if (to) range[Op.lte] = instant(to, true);
  return from || to ? { acceptedAt: range } : {};
}

/** The orders of the reader's units (a crew: its unit's), phone numbers masked (decision 0025). */
export async function listWorkOrders(reader: ScopeUser, query: unknown) {
  const input = parseQuery(listInput, query, '工单查询');
  const where: WhereOptions<WorkOrder> = {
    ...(await scopeWhere(reader, 'handlingUnit')),
    ...(input.type ? { orderType: input.type } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.unit ? { handlingUnit: input.unit } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...acceptedWithin(input.from, input.to),
  };
  const orders = await WorkOrder.findAll({ where, order: [['id', 'DESC']], limit: 500 });
  return { items: orders.map((order) => maskPii(orderSummary(order))) };
}
