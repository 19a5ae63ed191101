/**
 * One order with its whole story: the history rows the workers recorded, and its time-limit state — the open
 * steps with their due dates (from the engine's user tasks) and the warnings, overdue notices and escalations
 * already raised (time_limit_events). A fault repair also shows its commitments (arrival, restoration: due, recorded,
 * late) and is overdue once past either, recorded or not (decision 0019).
 */
import { TimeLimitEvent } from '../../db/time-limits/time-limit-models';
import type { WorkOrder } from '../../db/work-orders';
import { findOrder, orderHistory } from './work-order-repository';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTasks } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import { loadBusinessCalendar } from '../time-limits';
import { withDueDateNotices } from '../time-limits';
import { notFound } from '../../lib/errors/app-error';
import { repairCommitments } from './repair-commitments';
import { historyGroups, orderSummary } from './work-order-view';
import { requireInScope, shownPii, type PiiReader, type PiiRequest, type ScopeUser } from '../users';

/** The order; with a `reader`, only one of the reader's units (else not found, existence not revealed). */
export async function requireOrder(orderNo: string, reader?: ScopeUser): Promise<WorkOrder> {
  const order = await findOrder(orderNo);
  if (reader) await requireInScope(reader, order?.handlingUnit, '工单 / work order', orderNo);
  if (!order) throw notFound('工单 / work order', orderNo);
  return order;
}

async function openSteps(camunda: CamundaClients, processInstanceKey: string | null) {
  if (!processInstanceKey) return [];
  const found = await searchUserTasks(camunda, {
    filter: { processInstanceKey, state: 'CREATED' },
    page: { limit: 50 },
  });
  const tasks = await withDueDateNotices(camunda, await loadBusinessCalendar(), found);
  const now = appClock.now().getTime();
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

/** An order outside the reader's units is not found; the phone is masked unless revealed (users/pii-view). */
export async function workOrderDetail(
  camunda: CamundaClients,
  reader: ScopeUser & PiiReader,
  orderNo: string,
  pii?: PiiRequest,
) {
  const order = await requireOrder(orderNo, reader);
  const [events, limitEvents, steps] = await Promise.all([
    orderHistory(orderNo),
    TimeLimitEvent.findAll({ where: { businessKey: orderNo }, order: [['id', 'ASC']] }),
    order.state === 'archived' ? Promise.resolve([]) : openSteps(camunda, order.processInstanceKey),
  ]);
  const repair = order.arrivalDueAt ? repairCommitments(order, appClock.now()) : null;
  return {
    ...(await shownPii(reader, pii, `work-order:${orderNo}`, orderSummary(order))),
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
