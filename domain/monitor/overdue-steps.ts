/**
 * Overdue (超期) as the monitor counts it: a user task still open past its due date, against the application's
 * clock. A case is overdue while one of its tasks is; a step of a process is overdue where such a task waits.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTaskPage, searchUserTasks } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import { businessKeysOfInstances } from '../cases';
import { jsonText } from './monitored-processes';

/**
 * The overdue tasks the list's filter and the processes screen look at, most overdue first. Past it their answers
 * say `capped` (the screen shows that the figures may be short) rather than read every overdue task per request.
 */
export const OVERDUE_TASKS_LIMIT = 5000;

/** The tasks one round of `overdueAmong` reads. */
const OVERDUE_PAGE = 1000;

export const overdueTaskFilter = (): Record<string, unknown> => ({
  state: 'CREATED',
  dueDate: { $lt: appClock.now().toISOString() },
});

export interface OverdueCases {
  /** The business keys of the cases with an overdue task. */
  caseKeys: string[];
  /** The instances the overdue tasks are in. */
  instanceKeys: string[];
  /** More tasks are overdue than were looked at: cases may be missing. */
  capped: boolean;
}

/** The cases and instances with an overdue task, from the OVERDUE_TASKS_LIMIT most overdue tasks. */
export async function overdueCases(camunda: CamundaClients): Promise<OverdueCases> {
  const { items, total } = await searchUserTaskPage(camunda, {
    filter: overdueTaskFilter(),
    sort: [{ field: 'dueDate', order: 'ASC' }],
    page: { from: 0, limit: OVERDUE_TASKS_LIMIT },
  });
  const instanceKeys = [...new Set(items.map((task) => String(task.processInstanceKey)))];
  const caseKeys = [...new Set((await businessKeysOfInstances(camunda, instanceKeys)).values())];
  return { caseKeys, instanceKeys, capped: total > items.length };
}

/**
 * The cases among `caseKeys` with an overdue task. A search reads a page of tasks, and a few cases' many tasks could
 * fill it: each round asks again for the cases not yet found, so every case is answered, whatever the page holds.
 */
export async function overdueAmong(camunda: CamundaClients, caseKeys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  let left = caseKeys;
  while (left.length > 0) {
    const tasks = await searchUserTasks(camunda, {
      filter: {
        ...overdueTaskFilter(),
        processInstanceVariables: [{ name: 'businessKey', value: { $in: left.map(jsonText) } }],
      },
      page: { limit: OVERDUE_PAGE },
    });
    const owners = await businessKeysOfInstances(camunda, [
      ...new Set(tasks.map((task) => String(task.processInstanceKey))),
    ]);
    for (const key of owners.values()) found.add(key);
    const before = left.length;
    left = left.filter((key) => !found.has(key));
    // A short page held every overdue task of the cases asked; a round that found none new would only repeat.
    if (tasks.length < OVERDUE_PAGE || left.length === before) break;
  }
  return found;
}
