/**
 * The overdue list: every open task of the counted units past its due date (overdue) or past its warn date (near
 * its limit, warning), most urgent first (earliest due date), a page at a time. Each row says whose it is
 * (assignee, else its candidate groups), since when it waits (its creation) and since when it is overdue (its due
 * date), with the case it belongs to; the screen links each to the task (/tasks/:key) to act on it.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { z } from '../../lib/validation/zh-error-map';
import { parseQuery } from '../../lib/validation/parse-input';
import { scanByWarnDate } from '../tasks';
import { loadBusinessCalendar } from '../time-limits';
import type { ScopeUser } from '../users';
import { caseKeysOutside } from '../cases';
import { unitsOf } from './dashboard-scope';
import { scopedTaskFilter } from './engine-task-walk';

export const overdueInput = z.object({
  /** Only the overdue, only the near ones, or both. */
  state: z.enum(['overdue', 'warning']).optional(),
  unit: z.string().trim().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(20),
});

export async function overdueList(camunda: CamundaClients, reader: ScopeUser, query: unknown) {
  const input = parseQuery(overdueInput, query, '超期清单');
  const now = appClock.now().getTime();
  const calendar = await loadBusinessCalendar();
  const filter = await scopedTaskFilter(
    camunda,
    { state: 'CREATED', dueDate: { $exists: true } },
    await caseKeysOutside(await unitsOf(reader, input.unit)),
  );
  const found = await scanByWarnDate(
    camunda,
    {
      filter,
      sort: [
        { field: 'dueDate', order: 'ASC' },
        { field: 'userTaskKey', order: 'ASC' },
      ],
    },
    input.state ? [input.state] : ['overdue', 'warning'],
    calendar,
    now,
    { from: (input.page - 1) * input.size, limit: input.size },
  );
  return {
    items: found.items,
    total: found.total,
    page: input.page,
    size: input.size,
    now: new Date(now).toISOString(),
  };
}
