/**
 * A case's user tasks across its call tree (the main instance calls a path per class, which calls survey and fees):
 * the instance keys are collected level by level, then the tasks of all of them are searched at once.
 */
import type { UserTask } from '@camunda8/sdk/dist/c8/lib/C8Dto';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { loadBusinessCalendar, type DueDateNotice } from '../../lib/calendar';
import { withDueDateNotices } from '../time-limits';

const MAX_DEPTH = 4;

export async function caseInstanceKeys(camunda: CamundaClients, rootKey: string): Promise<string[]> {
  const keys = [rootKey];
  let level = [rootKey];
  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const children = await camunda.rest.searchProcessInstances({
      filter: { parentProcessInstanceKey: { $in: level } },
      page: { limit: 100 },
    } as never);
    level = children.items.map((instance) => instance.processInstanceKey);
    keys.push(...level);
  }
  return keys;
}

export interface CaseTask {
  userTaskKey: string;
  elementId: string;
  name: string;
  state: string;
  candidateGroups: string[];
  assignee: string | null;
  dueDate: string | null;
  /** Set while an open task's due date may still move (its year's holiday schedule is not entered). */
  dueDateNotice: DueDateNotice | null;
  creationDate: string;
  completionDate: string | null;
  processInstanceKey: string;
}

const view = (task: UserTask & { dueDateNotice: DueDateNotice | null }): CaseTask => ({
  userTaskKey: task.userTaskKey,
  elementId: task.elementId,
  name: task.name,
  state: task.state,
  candidateGroups: task.candidateGroups ?? [],
  assignee: task.assignee ?? null,
  dueDate: task.dueDate ?? null,
  dueDateNotice: task.dueDateNotice,
  creationDate: task.creationDate,
  completionDate: task.completionDate ?? null,
  processInstanceKey: task.processInstanceKey,
});

/** The case's user tasks, oldest first: open ones and (history) completed ones. */
export async function caseTasks(camunda: CamundaClients, rootKey: string): Promise<CaseTask[]> {
  const keys = await caseInstanceKeys(camunda, rootKey);
  const result = await camunda.rest.searchUserTasks({
    filter: { processInstanceKey: { $in: keys } },
    page: { limit: 200 },
    sort: [{ field: 'creationDate', order: 'ASC' }],
  } as never);
  return (await withDueDateNotices(camunda, await loadBusinessCalendar(), result.items)).map(view);
}
