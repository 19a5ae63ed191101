/**
 * One order with its whole story: the history rows the workers recorded, and its time-limit state — the open
 * steps with their due dates (from the engine's user tasks) and the warnings, overdue notices and escalations
 * already raised (time_limit_events). A fault repair also shows its commitments (arrival, restoration: due, recorded,
 * late) and is overdue once past either, recorded or not (decision 0019).
 */
import { TimeLimitEvent } from '../../db/time-limits/time-limit-models';
import { findOrder, orderHistory, type WorkOrder } from '../../db/work-orders';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { loadBusinessCalendar } from '../../lib/calendar';
import { withDueDateNotices } from '../time-limits';
import { notFound } from '../../lib/errors/app-error';
import { repairCommitments } from './repair-commitments';
import { historyGroups, orderSummary } from './work-order-view';

export async function requireOrder(orderNo: string): Promise<WorkOrder> {
  const order = await findOrder(orderNo);
  if (!order) throw notFound('工单 / work order', orderNo);
  return order;
}

async function openSteps(camunda: CamundaClients, processInstanceKey: string | null) {
  if (!processInstanceKey) return [];
  const result = await camunda.rest.searchUserTasks({
    filter: { processInstanceKey, state: 'CREATED' },
    page: { limit: 50 },
  } as never);
  const now = appClock.now().getTime();
  const tasks = await withDueDateNotices(camunda, await loadBusinessCalendar(), result.items);
  return tasks.map((task) => ({
    elementId: task.elementId,
    name: task.name,
    candidateGroups: task.candidateGroups,
    assignee: task.assignee,
    dueDate: task.dueDate ?? null,
    dueDateNotice: task.dueDateNotice,
    overdue: task.dueDate ? new Date(task.dueDate).getTime() < now : false,
  }));
}

export async function workOrderDetail(camunda: CamundaClients, orderNo: string) {
  const order = await requireOrder(orderNo);
  const [events, limitEvents, steps] = await Promise.all([
    orderHistory(orderNo),
    TimeLimitEvent.findAll({ where: { businessKey: orderNo }, order: [['id', 'ASC']] }),
    order.state === 'archived' ? Promise.resolve([]) : openSteps(camunda, order.processInstanceKey),
  ]);
  const repair = order.arrivalDueAt ? repairCommitments(order, appClock.now()) : null;
  return {
    ...orderSummary(order),
    ...historyGroups(events),
    repair,
    timeLimit: {
      openSteps: steps,
      events: limitEvents.map((e) => ({ step: e.step, level: e.level, at: e.at })),
      warned: limitEvents.some((e) => e.level === 'warning'),
      overdue:
        limitEvents.some((e) => e.level === 'overdue') || steps.some((s) => s.overdue) || repair?.onTime === false,
      escalated: limitEvents.some((e) => e.level === 'escalation'),
    },
  };
}
