/**
 * The open tasks (backlog) of the counted units, per candidate group and per person, each with how many of them
 * are past their due date at the application's clock. A task open to two groups counts in each group's row; an
 * unclaimed task counts under no person (`assignee: null`). Not bound to the period: a backlog is now.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import type { DashboardScope } from './dashboard-scope';
import { allUserTasks, scopedTaskFilter } from './engine-task-walk';

export interface BacklogRow {
  key: string | null;
  open: number;
  overdue: number;
}

function backlogRows(tasks: EngineUserTask[], keysOf: (task: EngineUserTask) => (string | null)[], now: number) {
  const rows = new Map<string | null, BacklogRow>();
  for (const task of tasks) {
    const overdue = task.dueDate !== undefined && task.dueDate !== null && Date.parse(task.dueDate) <= now;
    for (const key of keysOf(task)) {
      const row = rows.get(key) ?? { key, open: 0, overdue: 0 };
      row.open += 1;
      if (overdue) row.overdue += 1;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || String(a.key).localeCompare(String(b.key)));
}

export async function backlog(camunda: CamundaClients, scope: Pick<DashboardScope, 'excluded'>) {
  const now = appClock.now().getTime();
  const tasks = await allUserTasks(camunda, await scopedTaskFilter(camunda, { state: 'CREATED' }, scope.excluded));
  return {
    now: new Date(now).toISOString(),
    open: tasks.length,
    byGroup: backlogRows(tasks, (task) => (task.candidateGroups?.length ? task.candidateGroups : [null]), now),
    byAssignee: backlogRows(tasks, (task) => [task.assignee ?? null], now),
  };
}
