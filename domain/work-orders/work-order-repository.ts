/**
 * Writes to a work order's history. A job can be delivered twice and a message published twice, so every record
 * carries a dedup key: the second delivery finds its event and changes nothing.
 */
import type { Transaction } from 'sequelize';
import { WorkOrder, WorkOrderEvent } from '../../db/work-orders';

export interface OrderEventInput {
  orderNo: string;
  kind: string;
  dedupKey: string;
  at: Date;
  level?: string | null;
  actor?: string | null;
  actorName?: string | null;
  comment?: string | null;
}

/** Changes to the order that come with the event (counters are incremented relative to the stored value). */
export type OrderChange = (order: WorkOrder) => Partial<WorkOrder>;

export interface RecordedEvent {
  order: WorkOrder;
  /** False when this event had already been recorded (a redelivered job). */
  fresh: boolean;
}

export async function recordOrderEvent(input: OrderEventInput, change?: OrderChange): Promise<RecordedEvent> {
  const sequelize = WorkOrder.sequelize!;
  return sequelize.transaction(async (transaction: Transaction) => {
    const order = await WorkOrder.findOne({ where: { orderNo: input.orderNo }, transaction, lock: true });
    if (!order) throw new Error(`work order ${input.orderNo} not found`);
    const seen = await WorkOrderEvent.findOne({ where: { dedupKey: input.dedupKey }, transaction });
    if (seen) return { order, fresh: false };
    await WorkOrderEvent.create(
      {
        orderNo: input.orderNo,
        kind: input.kind,
        dedupKey: input.dedupKey,
        at: input.at,
        level: input.level ?? null,
        actor: input.actor ?? null,
        actorName: input.actorName ?? null,
        comment: input.comment ?? null,
      },
      { transaction },
    );
    if (change) await order.update(change(order), { transaction });
    return { order, fresh: true };
  });
}

export async function findOrder(orderNo: string): Promise<WorkOrder | null> {
  return WorkOrder.findOne({ where: { orderNo } });
}

export async function orderHistory(orderNo: string): Promise<WorkOrderEvent[]> {
  return WorkOrderEvent.findAll({ where: { orderNo }, order: [['id', 'ASC']] });
}
