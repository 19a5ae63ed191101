/**
 * A user task's time limit: the `limit_<step>` variable (written by `time-limit.due-date`) whose due date is the
 * task's due date, with the scope it lives in; and the provisional-schedule notice of a task's due date.
 */
import type { UserTask } from '@camunda8/sdk/dist/c8/lib/C8Dto';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { dueDateNotice, type BusinessCalendar, type DueDateNotice } from '../../lib/calendar';

export interface StepLimit {
  step: string;
  amount: number;
  unit: string;
  startedAt: string;
  dueDate: string;
  warnDate: string | null;
}

export interface TaskLimit {
  /** The variable's name (e.g. limit_survey) and the scope that holds it. */
  name: string;
  scopeKey: string;
  limit: StepLimit;
}

function asStepLimit(value: unknown): StepLimit | undefined {
  const limit = value as Partial<StepLimit> | null;
  if (!limit || typeof limit !== 'object') return undefined;
  const { step, amount, unit, startedAt, dueDate } = limit;
  if (typeof step !== 'string' || typeof amount !== 'number' || typeof unit !== 'string') return undefined;
  if (typeof startedAt !== 'string' || typeof dueDate !== 'string') return undefined;
  return {
    step,
    amount,
    unit,
    startedAt,
    dueDate,
    warnDate: typeof limit.warnDate === 'string' ? limit.warnDate : null,
  };
}

const sameInstant = (a: string | undefined, b: string) => a !== undefined && Date.parse(a) === Date.parse(b);

/** The limit behind a task's due date among variables given as values (the task view has them already). */
export function limitAmong(task: Pick<UserTask, 'dueDate'>, variables: Record<string, unknown>): StepLimit | undefined {
  for (const value of Object.values(variables)) {
    const limit = asStepLimit(value);
    if (limit && sameInstant(task.dueDate, limit.dueDate)) return limit;
  }
  return undefined;
}

/** The limit behind a task's due date, read from the engine with its scope, or undefined (no limit variable). */
export async function taskLimit(camunda: CamundaClients, task: UserTask): Promise<TaskLimit | undefined> {
  if (!task.dueDate) return undefined;
  const found = await camunda.rest.searchUserTaskVariables({
    userTaskKey: task.userTaskKey,
    page: { limit: 1000 },
  } as never);
  for (const variable of found.items) {
    if (variable.isTruncated) continue;
    const limit = asStepLimit(JSON.parse(variable.value));
    if (limit && sameInstant(task.dueDate, limit.dueDate))
      return { name: variable.name, scopeKey: variable.scopeKey, limit };
  }
  return undefined;
}

/** A task's notice given its variables; a due date set without a limit variable counts as working days. */
export function taskDueDateNotice(
  calendar: BusinessCalendar,
  task: Pick<UserTask, 'dueDate'>,
  variables: Record<string, unknown>,
): DueDateNotice | null {
  return dueDateNotice(calendar, task.dueDate, limitAmong(task, variables)?.unit ?? 'WD');
}

/**
 * Tasks of a list with their notices (open tasks only: a finished task's due date no longer moves). Only a due
 * date in a year without a schedule needs the task's variables (to see its unit), so a list outside the turn of
 * the year costs no extra call.
 */
export async function withDueDateNotices<T extends UserTask>(
  camunda: CamundaClients,
  calendar: BusinessCalendar,
  tasks: readonly T[],
): Promise<(T & { dueDateNotice: DueDateNotice | null })[]> {
  return Promise.all(
    tasks.map(async (task) => {
      if (task.state !== 'CREATED' || !dueDateNotice(calendar, task.dueDate)) return { ...task, dueDateNotice: null };
      const limit = await taskLimit(camunda, task);
      return { ...task, dueDateNotice: dueDateNotice(calendar, task.dueDate, limit?.limit.unit ?? 'WD') };
    }),
  );
}
