/**
 * Per step (a user task's element in its process), over the tasks completed in the period: how many, how many of those with a due
 * date were completed by it (time-limit compliance per step), and the mean and 90th-percentile time from the task's
 * creation to its completion, in clock hours. Read from the engine's completed user tasks (decision 0039).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import type { DashboardScope } from './dashboard-scope';
import { allUserTasks, scopedTaskFilter } from './engine-task-walk';
import { groupedBy, mean, percentile, rounded, share } from './statistics';

const HOUR_MS = 3_600_000;

export interface StepFigures {
  processDefinitionId: string;
  elementId: string;
  /** As the model names the step; the route names it in the reader's language. */
  name: string;
  completed: number;
  /** Tasks that had a due date: the denominator of the share. */
  withLimit: number;
  onTime: number;
  onTimeShare: number | null;
  meanHours: number | null;
  p90Hours: number | null;
}

function figures(tasks: EngineUserTask[]): StepFigures {
  const hours = tasks.map((task) => (Date.parse(task.completionDate!) - Date.parse(task.creationDate)) / HOUR_MS);
  const limited = tasks.filter((task) => task.dueDate);
  const onTime = limited.filter((task) => Date.parse(task.completionDate!) <= Date.parse(task.dueDate!)).length;
  const [first] = tasks;
  return {
    processDefinitionId: first.processDefinitionId,
    elementId: first.elementId,
    name: first.name ?? first.elementId,
    completed: tasks.length,
    withLimit: limited.length,
    onTime,
    onTimeShare: rounded(share(onTime, limited.length)),
    meanHours: rounded(mean(hours)),
    p90Hours: rounded(percentile(hours, 90)),
  };
}

export async function completedTasksIn(camunda: CamundaClients, scope: DashboardScope): Promise<EngineUserTask[]> {
  const period = { $gte: scope.start.toISOString(), $lt: scope.end.toISOString() };
  const filter = await scopedTaskFilter(camunda, { state: 'COMPLETED', completionDate: period }, scope.excluded);
  return allUserTasks(camunda, filter);
}

export async function stepDurations(camunda: CamundaClients, scope: DashboardScope): Promise<StepFigures[]> {
  const completed = (await completedTasksIn(camunda, scope)).filter((task) => task.completionDate);
  // One element id may name different steps in different processes.
  const byStep = groupedBy(completed, (task) => `${task.processDefinitionId} ${task.elementId}`);
  return [...byStep.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, tasks]) => figures(tasks));
}
