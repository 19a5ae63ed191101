/**
 * The tasklist as a screen needs it: a user's tasks in one scope, filtered, sorted and cut into a page by the
 * engine's user-task search (task-search-filter.ts, decision 0031), each row with its case and its time-limit
 * state and time left in the business calendar, judged at the application's clock (`now` in the answer; a pinned
 * demo clock moves it). Only the time-limit states "ok" and "warning" need more than one search: the warn date
 * lives in the step's limit variable, so those two walk the tasks due after `now` in order (task-warn-scan.ts).
 */
import { searchUserTaskPage, type EngineUserTask as UserTask } from '../../lib/camunda/engine-api';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { isDayString, type BusinessCalendar } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { z } from '../../lib/validation/zh-error-map';
import { taskSearchFilter, type TaskListCap } from './task-search-filter';
import { taskRows, type TaskListItem } from './task-rows';
import { scanByWarnDate } from './task-warn-scan';

export type { TaskListItem } from './task-rows';

/** Who works the tasklist: the signed-in user's login, roles and organisation groups (their units' cases only). */
export interface TaskUser {
  login: string;
  roles: string[];
  groups: string[];
}

/** Business areas by the prefix of their process ids. */
export const TASK_AREAS = ['business-expansion', 'change-of-use', 'work-order'] as const;
export const DUE_STATES = ['ok', 'warning', 'overdue', 'none'] as const;
export type DueState = (typeof DUE_STATES)[number];

const day = z.string().refine(isDayString, { message: '应为日期 YYYY-MM-DD / a date YYYY-MM-DD' });
const bpmnId = z
  .string()
  .trim()
  .max(100)
  .regex(/^[A-Za-z_][\w.-]*$/, { message: '应为 BPMN 标识 / a BPMN id' });

export const taskListInput = z.object({
  scope: z.enum(['mine', 'group', 'unassigned', 'completed']).default('group'),
  processInstanceKey: z.string().regex(/^\d+$/).optional(),
  /** Business area (process id prefix); `processId` names one process exactly. */
  area: z.enum(TASK_AREAS).optional(),
  processId: bpmnId.optional(),
  /** The area's business type (业扩 new/increase, 变更用电 change type, 95598 order type); needs `area`. */
  businessType: z.string().trim().min(1).max(40).optional(),
  /** The step: the user task's BPMN element id. */
  step: bpmnId.optional(),
  dueState: z.enum(DUE_STATES).optional(),
  /** As the screen names priorities: high above the processes' normal 50, low below it. */
  priority: z.enum(['high', 'normal', 'low']).optional(),
  caseNo: z.string().trim().min(1).max(64).optional(),
  /** Part of the customer's name or phone number. */
  customer: z.string().trim().min(1).max(64).optional(),
  createdFrom: day.optional(),
  createdTo: day.optional(),
  dueFrom: day.optional(),
  dueTo: day.optional(),
  sort: z.enum(['dueDate', 'priority', 'creationDate']).default('creationDate'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(100),
});
export type TaskListInput = z.infer<typeof taskListInput>;

export interface TaskListPage {
  items: TaskListItem[];
  total: number;
  /** The engine stopped counting at its limit (10,000): `total` is a lower bound, shown as "10000+". */
  totalAtLeast: boolean;
  page: number;
  size: number;
  now: string;
  /** The limits that may have left matching tasks out (shown above the list). */
  capped: TaskListCap[];
}

/** The engine's order: the asked field, then the task key, so pages never overlap when values tie. */
export function engineSort(input: TaskListInput): { field: string; order: 'ASC' | 'DESC' }[] {
  const order = input.order === 'desc' ? 'DESC' : 'ASC';
  return [
    { field: input.sort, order },
    { field: 'userTaskKey', order },
  ];
}

export async function listTasks(
  camunda: CamundaClients,
  user: TaskUser,
  input: TaskListInput,
  calendar: BusinessCalendar,
  now = appClock.now().getTime(),
): Promise<TaskListPage> {
  const { filter, capped } = await taskSearchFilter(camunda, user, input, now);
  const answer = (items: TaskListItem[], total: number, totalAtLeast = false): TaskListPage => ({
    items,
    total,
    totalAtLeast,
    page: input.page,
    size: input.size,
    now: new Date(now).toISOString(),
    capped,
  });
  if (!filter) return answer([], 0);
  const from = (input.page - 1) * input.size;
  const rows = (tasks: UserTask[]) => taskRows(camunda, tasks, calendar, now);
  if (input.scope !== 'completed' && (input.dueState === 'ok' || input.dueState === 'warning')) {
    const page = { from, limit: input.size };
    const found = await scanByWarnDate(
      camunda,
      { filter, sort: engineSort(input) },
      [input.dueState],
      calendar,
      now,
      page,
    );
    return answer(found.items, found.total);
  }
  const page = await searchUserTaskPage(camunda, {
    filter,
    sort: engineSort(input),
    page: { from, limit: input.size },
  });
  return answer(await rows(page.items), page.total, page.more);
}
