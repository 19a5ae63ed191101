/**
 * After the calendar changed (a holiday or make-up working day entered, changed or removed, a year's schedule
 * confirmed), every open due date it moves is recomputed: each open user task's due date in the engine (REST v2
 * PATCH /user-tasks/{key} changeset.dueDate through the SDK, and its `limit_<step>` variable so the task view and
 * the warnings read the new date), and each running whole-case limit in case_time_limits. Every move is kept in
 * due_date_changes (old → new, why), which the case views show.
 *
 * It compares the due date under the calendar before and after, so running it again changes nothing; a failure
 * half-way is mended by the next calendar change or a repeated request. The engine's warning and overdue timers
 * keep the instant they were created with (Zeebe timers cannot be rescheduled; decision 0018).
 */
import type { UserTask } from '@camunda8/sdk/dist/c8/lib/C8Dto';
import { toCaseClock } from '../../db/time-limits/case-time-limit-repository';
import { CaseTimeLimit, DueDateChange } from '../../db/time-limits/time-limit-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { chinaDayOf, clockStatus, type BusinessCalendar, type TimeUnit } from '../../lib/calendar';
import { taskLimit } from './task-limit';

export interface CalendarChange {
  before: BusinessCalendar;
  after: BusinessCalendar;
  /** The earliest day the change touches: a due date before it cannot move. */
  firstDay: string;
  reason: string;
  changedBy: string;
}

export interface RecomputeResult {
  tasks: number;
  cases: number;
}

const PAGE = 200;

async function openTasks(camunda: CamundaClients): Promise<UserTask[]> {
  const tasks: UserTask[] = [];
  for (let from = 0; ; from += PAGE) {
    const page = await camunda.rest.searchUserTasks({
      filter: { state: 'CREATED' },
      sort: [{ field: 'creationDate', order: 'ASC' }],
      page: { from, limit: PAGE },
    } as never);
    tasks.push(...page.items);
    if (page.items.length < PAGE) return tasks;
  }
}

async function businessKeyOf(camunda: CamundaClients, task: UserTask): Promise<string> {
  const found = await camunda.rest.searchVariables({
    filter: { processInstanceKey: task.processInstanceKey, name: 'businessKey' },
  } as never);
  const value = found.items[0]?.value;
  return value ? String(JSON.parse(value)) : task.processInstanceKey;
}

async function recomputeTask(camunda: CamundaClients, task: UserTask, change: CalendarChange): Promise<boolean> {
  const found = await taskLimit(camunda, task);
  if (!found || found.limit.unit !== 'WD') return false;
  const { limit } = found;
  const startedAt = new Date(limit.startedAt);
  const unit: TimeUnit = 'WD';
  const dueDate = change.after.add(startedAt, limit.amount, unit);
  if (+dueDate === Date.parse(limit.dueDate)) return false;
  // The warning keeps its distance in working days before the due date.
  const warnDate = limit.warnDate
    ? change.after.add(startedAt, change.before.elapsed(startedAt, new Date(limit.warnDate), unit), unit)
    : null;
  await camunda.rest.updateUserTask({ userTaskKey: task.userTaskKey, changeset: { dueDate: dueDate.toISOString() } });
  await camunda.rest.updateElementInstanceVariables({
    elementInstanceKey: found.scopeKey,
    local: true,
    variables: {
      [found.name]: { ...limit, dueDate: dueDate.toISOString(), warnDate: warnDate?.toISOString() ?? null },
    },
  });
  await DueDateChange.create({
    businessKey: await businessKeyOf(camunda, task),
    subject: 'task',
    step: limit.step,
    userTaskKey: task.userTaskKey,
    oldDueAt: new Date(limit.dueDate),
    newDueAt: dueDate,
    reason: change.reason,
    changedBy: change.changedBy,
    at: appClock.now(),
  });
  return true;
}

async function recomputeCases(change: CalendarChange): Promise<number> {
  const now = appClock.now();
  let moved = 0;
  for (const row of await CaseTimeLimit.findAll({ where: { finishedAt: null } })) {
    const clock = toCaseClock(row);
    if (clock.unit !== 'WD') continue;
    const oldDueAt = clockStatus(change.before, clock, now).dueAt;
    if (chinaDayOf(oldDueAt) < change.firstDay) continue;
    const newDueAt = clockStatus(change.after, clock, now).dueAt;
    if (+newDueAt === +oldDueAt) continue;
    await row.update({ dueAt: change.after.add(clock.startedAt, clock.amount, clock.unit) });
    await DueDateChange.create({
      businessKey: row.businessKey,
      subject: 'case',
      step: row.step,
      userTaskKey: null,
      oldDueAt,
      newDueAt,
      reason: change.reason,
      changedBy: change.changedBy,
      at: now,
    });
    moved++;
  }
  return moved;
}

export async function recomputeOpenDueDates(camunda: CamundaClients, change: CalendarChange): Promise<RecomputeResult> {
  let tasks = 0;
  for (const task of await openTasks(camunda)) {
    // A change after the due date's day cannot move it, whichever way it went.
    if (!task.dueDate || chinaDayOf(new Date(task.dueDate)) < change.firstDay) continue;
    if (await recomputeTask(camunda, task, change)) tasks++;
  }
  return { tasks, cases: await recomputeCases(change) };
}

/** A case's moved due dates, oldest first, as the case views show them. */
export async function dueDateChanges(businessKey: string) {
  const rows = await DueDateChange.findAll({ where: { businessKey }, order: [['id', 'ASC']] });
  return rows.map((row) => ({
    subject: row.subject,
    step: row.step,
    userTaskKey: row.userTaskKey,
    oldDueAt: row.oldDueAt.toISOString(),
    newDueAt: row.newDueAt.toISOString(),
    reason: row.reason,
    changedBy: row.changedBy,
    at: row.at.toISOString(),
  }));
}
