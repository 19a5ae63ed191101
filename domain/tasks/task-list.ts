/**
 * The tasklist as a screen needs it: a user's tasks in one scope, filtered (business area, time-limit state, case
 * number), sorted and cut into a page on the server, each row with its case (number, customer, address, business
 * type) and its time-limit state, judged at the application's clock (`now` in the answer; a pinned demo clock
 * moves it). The engine is searched once per candidate role and the answers merged, so the
 * filters and the page apply to at most `SEARCH_LIMIT` tasks per role (see docs/decisions/0021).
 */
import { searchUserTasks, type EngineUserTask as UserTask } from '../../lib/camunda/engine-api';
import { z } from '../../lib/validation/zh-error-map';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { instancesOfCase } from '../cases';
import { taskVariables } from './task-form-check';
import { tasksInUnits } from './task-owners';
import { appClock } from '../../lib/clock/app-clock';

/** Who works the tasklist: the signed-in user's login, roles and organisation groups (their units' cases only). */
export interface TaskUser {
  login: string;
  roles: string[];
  groups: string[];
}

const SEARCH_LIMIT = 1000;

/** Business areas by the prefix of their process ids. */
export const TASK_AREAS = ['business-expansion', 'change-of-use', 'work-order'] as const;
export const DUE_STATES = ['ok', 'warning', 'overdue', 'none'] as const;
export type DueState = (typeof DUE_STATES)[number];

export const taskListInput = z.object({
  scope: z.enum(['mine', 'group', 'unassigned', 'completed']).default('group'),
  processInstanceKey: z.string().regex(/^\d+$/).optional(),
  area: z.enum(TASK_AREAS).optional(),
  dueState: z.enum(DUE_STATES).optional(),
  caseNo: z.string().trim().min(1).max(64).optional(),
  sort: z.enum(['dueDate', 'priority', 'creationDate']).default('creationDate'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(100),
});
export type TaskListInput = z.infer<typeof taskListInput>;

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
}

export type TaskListItem = UserTask & { case: TaskCase; timeLimit: TaskTimeLimit };

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

/** Warning from the step's warn date (the time-limit model's `limit_<step>` variable), overdue from its due date. */
export function timeLimitOf(task: UserTask, variables: Record<string, unknown>, now: number): TaskTimeLimit {
  const limit = variables[`limit_${task.elementId}`] as { dueDate?: string; warnDate?: string } | undefined;
  const dueDate = task.dueDate ?? limit?.dueDate ?? null;
  const warnDate = limit?.warnDate ?? null;
  let state: DueState = 'none';
  if (task.state === 'CREATED' && dueDate) {
    if (Date.parse(dueDate) <= now) state = 'overdue';
    else if (warnDate && Date.parse(warnDate) <= now) state = 'warning';
    else state = 'ok';
  }
  return { state, dueDate, warnDate };
}

function search(camunda: CamundaClients, filter: Record<string, unknown>): Promise<UserTask[]> {
  return searchUserTasks(camunda, {
    filter,
    page: { limit: SEARCH_LIMIT },
    sort: [{ field: 'creationDate', order: 'ASC' }],
  });
}

async function tasksInScope(camunda: CamundaClients, user: TaskUser, input: TaskListInput): Promise<UserTask[]> {
  const base = input.processInstanceKey ? { processInstanceKey: input.processInstanceKey } : {};
  if (input.scope === 'mine') return search(camunda, { ...base, assignee: user.login, state: 'CREATED' });
  if (input.scope === 'completed') return search(camunda, { ...base, assignee: user.login, state: 'COMPLETED' });
  const all = user.roles.includes('admin')
    ? await search(camunda, { ...base, state: 'CREATED' })
    : (
        await Promise.all(
          user.roles.map((role) => search(camunda, { ...base, candidateGroup: role, state: 'CREATED' })),
        )
      ).flat();
  const unique = new Map(all.map((task) => [task.userTaskKey, task]));
  return [...unique.values()].filter((task) => input.scope !== 'unassigned' || !task.assignee);
}

/** The user's tasks in the scope asked, of cases in the user's units (decision 0025). */
async function tasksFor(camunda: CamundaClients, user: TaskUser, input: TaskListInput): Promise<UserTask[]> {
  return tasksInUnits(camunda, user, await tasksInScope(camunda, user, input));
}

function compare(sort: TaskListInput['sort']): (a: UserTask, b: UserTask) => number {
  if (sort === 'priority') return (a, b) => (a.priority ?? 0) - (b.priority ?? 0);
  const time = (task: UserTask) => {
    const value = sort === 'dueDate' ? task.dueDate : task.creationDate;
    return value ? Date.parse(value) : Number.POSITIVE_INFINITY;
  };
  return (a, b) => time(a) - time(b) || a.userTaskKey.localeCompare(b.userTaskKey);
}

export async function listTasks(
  camunda: CamundaClients,
  user: TaskUser,
  input: TaskListInput,
  now = appClock.now().getTime(),
): Promise<{ items: TaskListItem[]; total: number; page: number; size: number; now: string }> {
  let tasks = await tasksFor(camunda, user, input);
  if (input.area) tasks = tasks.filter((task) => task.processDefinitionId.startsWith(input.area!));
  if (input.caseNo) {
    const instances = new Set((await instancesOfCase(camunda, input.caseNo)).map((i) => i.processInstanceKey));
    tasks = tasks.filter((task) => instances.has(task.processInstanceKey));
  }
  const enrich = async (task: UserTask): Promise<TaskListItem> => {
    const variables = await taskVariables(camunda, task.userTaskKey);
    return { ...task, case: caseOf(variables), timeLimit: timeLimitOf(task, variables, now) };
  };
  const sorted = [...tasks].sort(compare(input.sort));
  if (input.order === 'desc') sorted.reverse();
  const start = (input.page - 1) * input.size;
  if (!input.dueState) {
    // Only the page's rows need their variables.
    const items = await Promise.all(sorted.slice(start, start + input.size).map(enrich));
    return { items, total: sorted.length, page: input.page, size: input.size, now: new Date(now).toISOString() };
  }
  // The warning state lives in the variables: every candidate is read before the page is cut.
  const matching = (await Promise.all(sorted.map(enrich))).filter((task) => task.timeLimit.state === input.dueState);
  return {
    items: matching.slice(start, start + input.size),
    total: matching.length,
    page: input.page,
    size: input.size,
    now: new Date(now).toISOString(),
  };
}
