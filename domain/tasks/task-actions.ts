/**
 * One task as its page needs it: the task, its variables and the actions this user may take on it now (decision
 * 0033), so that the browser shows only what the API would allow. The API still decides each action when asked.
 * Supervisors read the tasks of their units' cases whatever their roles: they assign them.
 */
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { loadBusinessCalendar, taskDueDateNotice } from '../time-limits';
import type { DomainServices } from '../domain-services';
import { hasPermission, isSeparatedStep, SUPERVISE } from '../users';
import { taskForm, taskVariables } from './task-form-check';
import type { TaskUser } from './task-list';
import { taskOwners } from './task-owners';
import { returnTargets, type ReturnTarget } from './task-return-use-case';
import { withdrawalOf } from './task-withdraw-use-case';
import { taskDocuments } from './task-documents';
import { businessKeyIn, taskFor } from './tasklist-use-case';

type Services = Pick<DomainServices, 'camunda'>;

export interface TaskActions {
  claim: boolean;
  unclaim: boolean;
  complete: boolean;
  assign: boolean;
  /** The steps the task may be returned to now (empty: no return). */
  returnTo: ReturnTarget[];
  withdraw: boolean;
}

const mayWork = (user: TaskUser, task: EngineUserTask) =>
  user.roles.includes('admin') ||
  (task.candidateGroups ?? []).some((group) => user.roles.includes(group)) ||
  task.assignee === user.login;

async function ownCase(services: Services, user: TaskUser, task: EngineUserTask): Promise<boolean> {
  if (!(await isSeparatedStep(task.processDefinitionId, task.elementId))) return false;
  return (await taskOwners(services.camunda, [task])).get(task.userTaskKey)?.startedBy === user.login;
}

export async function actionsOn(services: Services, user: TaskUser, task: EngineUserTask): Promise<TaskActions> {
  const supervisor = await hasPermission(user, SUPERVISE);
  const open = task.state === 'CREATED';
  const mine = task.assignee === user.login;
  const works = open && mayWork(user, task) && (!task.assignee || mine) && !(await ownCase(services, user, task));
  let withdraw = false;
  if (task.state === 'COMPLETED' && mine) {
    const withdrawal = await withdrawalOf(services.camunda, task);
    withdraw = !!withdrawal && withdrawal.following.every((next) => !next.assignee);
  }
  return {
    claim: works && !task.assignee,
    unclaim: open && !!task.assignee && (mine || supervisor),
    complete: works,
    assign: open && supervisor,
    returnTo: works ? await returnTargets(services.camunda, task) : [],
    withdraw,
  };
}

/** The task with its variables, the documents its step requires (each present or not) and the actions allowed. */
export async function taskDetails(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key, true);
  const variables = await taskVariables(services.camunda, task.userTaskKey);
  const dueDateNotice = taskDueDateNotice(await loadBusinessCalendar(), task, variables);
  const documents = await taskDocuments(services.camunda, task, businessKeyIn(variables));
  return { ...task, dueDateNotice, variables, documents, actions: await actionsOn(services, user, task) };
}

/** The task's deployed form (`{formKey, schema}`), or null; supervisors read it too. */
export async function taskFormOf(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key, true);
  return taskForm(services.camunda, task.userTaskKey);
}
