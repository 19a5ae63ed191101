/**
 * "On time" and "warning" tell apart by the step's warn date, which lives in its `limit_<step>` variable and not on
 * the task, so the engine cannot filter by it. The tasks due after now (the engine's filter) are walked in the
 * list's order a chunk at a time, each chunk's step limits (only those) read in one variable search, and counted;
 * the page is cut from the matches and only its rows read whole. The cost grows with the open tasks due after now,
 * not with the page (decision 0031). The overdue list walks the same way for "overdue or warning".
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTaskPage, type EngineUserTask as UserTask } from '../../lib/camunda/engine-api';
import type { BusinessCalendar } from '../../lib/calendar';
import { dueStates, taskRows, type TaskListItem } from './task-rows';
import type { DueState } from './task-list';

const CHUNK = 1000;

export async function scanByWarnDate(
  camunda: CamundaClients,
  search: { filter: Record<string, unknown>; sort: { field: string; order: 'ASC' | 'DESC' }[] },
  states: readonly DueState[],
  calendar: BusinessCalendar,
  now: number,
  page: { from: number; limit: number },
): Promise<{ items: TaskListItem[]; total: number }> {
  const onPage: UserTask[] = [];
  let total = 0;
  for (let from = 0; ; from += CHUNK) {
    const chunk = await searchUserTaskPage(camunda, { ...search, page: { from, limit: CHUNK } });
    const found = await dueStates(camunda, chunk.items, now);
    chunk.items.forEach((task, i) => {
      if (!states.includes(found[i])) return;
      if (total >= page.from && onPage.length < page.limit) onPage.push(task);
      total++;
    });
    // A total the engine stopped counting at (`more`) is no end: walk on until a short chunk.
    if (chunk.items.length < CHUNK || (!chunk.more && from + CHUNK >= chunk.total))
      return { items: await taskRows(camunda, onPage, calendar, now), total };
  }
}
