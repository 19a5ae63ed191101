/**
 * Every user task a filter matches, read from the engine's search a chunk at a time (a period's tasks can be more
 * than one page), with the instances of cases outside the counted units left out by the engine.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTaskPage, type EngineUserTask } from '../../lib/camunda/engine-api';
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
  for (let from = 0; ; from += CHUNK) {
    const page = await searchUserTaskPage(camunda, { filter, sort, page: { from, limit: CHUNK } });
    tasks.push(...page.items);
    // A total the engine stopped counting at (`more`) is no end: walk on until a short page.
    if (page.items.length < CHUNK || (!page.more && tasks.length >= page.total)) return tasks;
  }
}
