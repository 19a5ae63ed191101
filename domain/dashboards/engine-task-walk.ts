/**
 * Every user task a filter matches, read from the engine's search a chunk at a time (a period's tasks can be more
 * than one page), with the instances of cases outside the counted units left out by the engine.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTasksAfter, type EngineUserTask } from '../../lib/camunda/engine-api';
import { instancesOfCases } from '../cases';

const CHUNK = 1000;

/** The filter narrowed to instances not of the `excluded` cases. */
export async function scopedTaskFilter(
  camunda: CamundaClients,
  filter: Record<string, unknown>,
  excluded: string[],
): Promise<Record<string, unknown>> {
  const outside = await instancesOfCases(camunda, excluded);
  return outside.length ? { ...filter, processInstanceKey: { $notIn: outside } } : filter;
}

export async function allUserTasks(
  camunda: CamundaClients,
  filter: Record<string, unknown>,
): Promise<EngineUserTask[]> {
  const tasks: EngineUserTask[] = [];
  const sort = [{ field: 'userTaskKey', order: 'ASC' as const }];
  // Page after page by the cursor of the last one: by offset, the engine would read 99,000 tasks again to answer
  // the hundredth page of a month's completions.
  for (let after: string | undefined; ;) {
    const page = await searchUserTasksAfter(camunda, { filter, sort, page: { limit: CHUNK, after } });
    for (const task of page.items) tasks.push(task);
    if (page.items.length < CHUNK || !page.endCursor) return tasks;
    after = page.endCursor;
  }
}
