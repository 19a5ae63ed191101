/**
 * Overdue (超期) as the monitor counts it: a user task still open past its due date, against the application's
 * clock. A case is overdue while one of its tasks is; a step of a process is overdue where such a task waits.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { countUserTasks, searchUserTasks } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import { businessKeysOfInstances } from '../cases';

/** The overdue tasks a list filter looks at, most overdue first: the filter is for finding cases to act on. */
export const OVERDUE_TASKS_LIMIT = 5000;

export const overdueTaskFilter = (): Record<string, unknown> => ({
  state: 'CREATED',
  dueDate: { $lt: appClock.now().toISOString() },
});

/** The business keys of the cases with an overdue task (at most OVERDUE_TASKS_LIMIT tasks looked at). */
export async function overdueCaseKeys(
  camunda: CamundaClients,
  filter: Record<string, unknown> = {},
): Promise<string[]> {
  const tasks = await searchUserTasks(camunda, {
    filter: { ...overdueTaskFilter(), ...filter },
    sort: [{ field: 'dueDate', order: 'ASC' }],
    page: { limit: OVERDUE_TASKS_LIMIT },
  });
  const instances = [...new Set(tasks.map((task) => String(task.processInstanceKey)))];
  return [...new Set((await businessKeysOfInstances(camunda, instances)).values())];
}

/** Overdue tasks of one deployed version waiting at `elementId`. */
export const overdueAt = (camunda: CamundaClients, processDefinitionKey: string, elementId: string): Promise<number> =>
  countUserTasks(camunda, { ...overdueTaskFilter(), processDefinitionKey, elementId });
