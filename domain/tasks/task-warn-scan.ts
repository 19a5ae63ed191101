/**
 * "On time" and "warning" tell apart by the step's warn date, which lives in its `limit_<step>` variable and not on
 * the task, so the engine cannot filter by it. The tasks due after now (the engine's filter) are walked in the
 * list's order a chunk at a time, each chunk's limits read in one variable search, and counted; the page is cut
 * from the matches. The cost grows with the open tasks due after now, not with the page (decision 0031).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTaskPage } from '../../lib/camunda/engine-api';
import type { BusinessCalendar } from '../../lib/calendar';
import { taskRows, type TaskListItem } from './task-rows';

const CHUNK = 1000;

export async function scanByWarnDate(
  camunda: CamundaClients,
  search: { filter: Record<string, unknown>; sort: { field: string; order: 'ASC' | 'DESC' }[] },
  state: 'ok' | 'warning',
  calendar: BusinessCalendar,
  now: number,
  page: { from: number; limit: number },
): Promise<{ items: TaskListItem[]; total: number }> {
  const items: TaskListItem[] = [];
  let total = 0;
  for (let from = 0; ; from += CHUNK) {
    const chunk = await searchUserTaskPage(camunda, { ...search, page: { from, limit: CHUNK } });
    const matching = (await taskRows(camunda, chunk.items, calendar, now)).filter(
      (row) => row.timeLimit.state === state,
    );
    for (const row of matching) {
      if (total >= page.from && items.length < page.limit) items.push(row);
      total++;
    }
    if (chunk.items.length < CHUNK || from + CHUNK >= chunk.total) return { items, total };
  }
}
