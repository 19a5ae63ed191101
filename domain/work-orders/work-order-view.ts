/** How an order leaves the API: its columns, plus its history and time-limit state in the detail view. */
import type { WorkOrder, WorkOrderEvent } from '../../db/work-orders';
import { ORDER_TYPES, type OrderType } from './work-order-types';

export function orderSummary(order: WorkOrder) {
  return {
    orderNo: order.orderNo,
    channel: order.channel,
    orderType: order.orderType,
    orderTypeName: ORDER_TYPES[order.orderType as OrderType]?.name ?? order.orderType,
    subType: order.subType,
    urgency: order.urgency,
    customerName: order.customerName,
    phone: order.phone,
    area: order.area,
    areaType: order.areaType,
    address: order.address,
    content: order.content,
    accountNo: order.accountNo,
    handlingUnit: order.handlingUnit,
    state: order.state,
    currentLevel: order.currentLevel,
    repeatedComplaint: order.repeatedComplaint,
    relatedOrderNo: order.relatedOrderNo,
    processInstanceKey: order.processInstanceKey,
    urgeCount: order.urgeCount,
    supervisionCount: order.supervisionCount,
    reopenCount: order.reopenCount,
    reply: order.reply,
    satisfaction: order.satisfaction,
    acceptedAt: order.acceptedAt,
    repliedAt: order.repliedAt,
    onTime: order.onTime,
    archivedAt: order.archivedAt,
    handlingMinutes: order.handlingMinutes,
  };
}

export function historyEntry(event: WorkOrderEvent) {
  return {
    kind: event.kind,
    level: event.level,
    actor: event.actor,
    actorName: event.actorName,
    comment: event.comment,
    at: event.at,
  };
}

/** The history split the way people read it: dispatch levels and returns, urgings, supervision, replies, callbacks. */
export function historyGroups(events: WorkOrderEvent[]) {
  const of = (...kinds: string[]) => events.filter((e) => kinds.includes(e.kind)).map(historyEntry);
  return {
    history: events.map(historyEntry),
    dispatch: of('dispatch-accept', 'dispatch-return'),
    returns: of('dispatch-return'),
    urgings: of('urge'),
    supervisions: of('supervise'),
    replies: of('answer', 'reply'),
    reviews: of('review-pass', 'review-return'),
    callbacks: of('callback'),
    reopenings: of('reopen'),
  };
}
