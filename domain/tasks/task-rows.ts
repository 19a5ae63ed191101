/**
 * A page of tasks as rows: each with its case (number, customer, address, business type, from the instance's
 * variables) and its time-limit state with the time left in the business calendar, all read in one variable
 * search for the page instead of one per task.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchVariables, type EngineUserTask as UserTask } from '../../lib/camunda/engine-api';
import { TIME_UNITS, type BusinessCalendar, type TimeUnit } from '../../lib/calendar';
import type { DueState } from './task-list';

export interface TaskCase {
  businessKey: string | null;
  customerName: string | null;
  address: string | null;
  /** new | increase (业扩), the change type (变更用电) or the order type (95598). */
  businessType: string | null;
}

export interface TaskTimeLimit {
  state: DueState;
  dueDate: string | null;
  warnDate: string | null;
  /**
   * What is left of the limit at the list's `now`, in the unit the step's limit counts (working days unless its
   * limit says otherwise), negative once overdue; null without a due date or for a finished task.
   */
  left: { amount: number; unit: TimeUnit } | null;
}

export type TaskListItem = UserTask & { case: TaskCase; timeLimit: TaskTimeLimit };

const CASE_VARIABLES = ['businessKey', 'customerName', 'address', 'businessType', 'changeType', 'orderType'];

interface StepLimitValue {
  dueDate?: string;
  warnDate?: string;
  unit?: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The case a task belongs to, from the variables the processes carry. */
export function caseOf(variables: Record<string, unknown>): TaskCase {
  return {
    businessKey: text(variables.businessKey),
    customerName: text(variables.customerName),
    address: text(variables.address),
    businessType: text(variables.businessType) ?? text(variables.changeType) ?? text(variables.orderType),
  };
}

/** Time left rounded to a tenth (minutes to the whole), never shown as a bare zero while some is left or owed. */
function rounded(amount: number, unit: TimeUnit): number {
  const step = unit === 'MIN' ? 1 : 0.1;
  const value = Math.round(amount / step) * step;
  if (value === 0 && amount !== 0) return Math.sign(amount) * step;
  return Number(value.toFixed(unit === 'MIN' ? 0 : 1));
}

/** Warning from the step's warn date (the time-limit model's `limit_<step>` variable), overdue from its due date. */
function dueStateOf(task: UserTask, limit: StepLimitValue | undefined, now: number): DueState {
  const dueDate = task.dueDate ?? limit?.dueDate;
  if (task.state !== 'CREATED' || !dueDate) return 'none';
  if (Date.parse(dueDate) <= now) return 'overdue';
  return limit?.warnDate && Date.parse(limit.warnDate) <= now ? 'warning' : 'ok';
}

/** The state, and the time left counted in the business calendar from `now`. */
export function timeLimitOf(
  task: UserTask,
  limit: StepLimitValue | undefined,
  calendar: BusinessCalendar,
  now: number,
): TaskTimeLimit {
  const dueDate = task.dueDate ?? limit?.dueDate ?? null;
  const warnDate = limit?.warnDate ?? null;
  const state = dueStateOf(task, limit, now);
  if (state === 'none' || !dueDate) return { state, dueDate, warnDate, left: null };
  const unit = (TIME_UNITS as readonly string[]).includes(limit?.unit ?? '') ? (limit!.unit as TimeUnit) : 'WD';
  const amount = calendar.countBetween(new Date(now), new Date(dueDate), unit);
  return { state, dueDate, warnDate, left: { amount: rounded(amount, unit), unit } };
}

/** Per instance, its root-scope variables among `names`, and every `limit_*` value by scope. */
interface InstanceVariables {
  root: Record<string, unknown>;
  limits: Array<{ name: string; value: StepLimitValue }>;
}

async function instanceVariables(
  camunda: CamundaClients,
  tasks: UserTask[],
  caseVariables: readonly string[],
): Promise<Map<string, InstanceVariables>> {
  const instanceKeys = [...new Set(tasks.map((task) => String(task.processInstanceKey)))];
  const limitNames = [...new Set(tasks.map((task) => `limit_${task.elementId}`))];
  const byInstance = new Map<string, InstanceVariables>(instanceKeys.map((key) => [key, { root: {}, limits: [] }]));
  if (instanceKeys.length === 0) return byInstance;
  const found = await searchVariables(camunda, {
    filter: { processInstanceKey: { $in: instanceKeys }, name: { $in: [...caseVariables, ...limitNames] } },
    page: { limit: 10_000 },
  });
  for (const variable of found) {
    const entry = byInstance.get(String(variable.processInstanceKey));
    if (!entry || variable.isTruncated) continue;
    const value = JSON.parse(variable.value) as unknown;
    if (variable.name.startsWith('limit_')) {
      if (value && typeof value === 'object')
        entry.limits.push({ name: variable.name, value: value as StepLimitValue });
    } else if (String(variable.scopeKey) === String(variable.processInstanceKey)) {
      entry.root[variable.name] = value;
    }
  }
  return byInstance;
}

/** The step's limit: the `limit_<step>` whose due date is the task's, else any `limit_<step>` of the instance. */
function limitOf(task: UserTask, limits: InstanceVariables['limits']): StepLimitValue | undefined {
  const own = limits.filter((limit) => limit.name === `limit_${task.elementId}`);
  const due = task.dueDate ? Date.parse(task.dueDate) : NaN;
  return (own.find((limit) => limit.value.dueDate && Date.parse(limit.value.dueDate) === due) ?? own[0])?.value;
}

export async function taskRows(
  camunda: CamundaClients,
  tasks: UserTask[],
  calendar: BusinessCalendar,
  now: number,
): Promise<TaskListItem[]> {
  const variables = await instanceVariables(camunda, tasks, CASE_VARIABLES);
  return tasks.map((task) => {
    const found = variables.get(String(task.processInstanceKey)) ?? { root: {}, limits: [] };
    return {
      ...task,
      case: caseOf(found.root),
      timeLimit: timeLimitOf(task, limitOf(task, found.limits), calendar, now),
    };
  });
}

/** The tasks' time-limit states alone: only their step limits are read. */
export async function dueStates(camunda: CamundaClients, tasks: UserTask[], now: number): Promise<DueState[]> {
  const variables = await instanceVariables(camunda, tasks, []);
  return tasks.map((task) =>
    dueStateOf(task, limitOf(task, variables.get(String(task.processInstanceKey))?.limits ?? []), now),
  );
}
