/**
 * The tasklist: a user's tasks (assigned to them, open to one of their roles, unassigned, done), one task with its
 * variables, claim, unclaim and complete. A user may act only on tasks whose candidate groups include one of their
 * roles (the BPMN candidate groups are role codes).
 */
import { searchUserTasks, type EngineUserTask } from '../../lib/camunda/engine-api';
import { AppError, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { DomainServices } from '../domain-services';
import { loadBusinessCalendar } from '../time-limits';
import { taskDueDateNotice, withDueDateNotices } from '../time-limits';
import { checkTaskForm, taskVariables } from './task-form-check';

type Services = Pick<DomainServices, 'camunda'>;

/** Who works the tasklist: the signed-in user's login and roles. */
export interface TaskUser {
  login: string;
  roles: string[];
}

export const taskListInput = z.object({
  scope: z.enum(['mine', 'group', 'unassigned', 'completed']).default('group'),
  processInstanceKey: z.string().regex(/^\d+$/).optional(),
});
export const completeInput = z.object({ variables: z.record(z.unknown()).default({}) });

function search(services: Services, filter: Record<string, unknown>): Promise<EngineUserTask[]> {
  return searchUserTasks(services.camunda, {
    filter,
    page: { limit: 200 },
    sort: [{ field: 'creationDate', order: 'ASC' }],
  });
}

/** A task whose due date falls in a year without an entered holiday schedule carries `dueDateNotice` (it may still
 * move), others `dueDateNotice: null`. */
export async function listTasks(services: Services, user: TaskUser, input: z.infer<typeof taskListInput>) {
  const items = await tasksInScope(services, user, input);
  return withDueDateNotices(services.camunda, await loadBusinessCalendar(), items);
}

async function tasksInScope(services: Services, user: TaskUser, input: z.infer<typeof taskListInput>) {
  const base = input.processInstanceKey ? { processInstanceKey: input.processInstanceKey } : {};
  if (input.scope === 'mine') return search(services, { ...base, assignee: user.login, state: 'CREATED' });
  if (input.scope === 'completed') return search(services, { ...base, assignee: user.login, state: 'COMPLETED' });
  const perRole = await Promise.all(
    user.roles.map((role) => search(services, { ...base, candidateGroup: role, state: 'CREATED' })),
  );
  const all = user.roles.includes('admin') ? await search(services, { ...base, state: 'CREATED' }) : perRole.flat();
  const unique = new Map(all.map((task) => [task.userTaskKey, task]));
  return [...unique.values()].filter((task) => input.scope !== 'unassigned' || !task.assignee);
}

async function taskFor(services: Services, user: TaskUser, key: string): Promise<EngineUserTask> {
  if (!/^\d+$/.test(key)) throw notFound('任务 / task', key);
  const task = await services.camunda.rest.getUserTask(key).catch(() => undefined);
  if (!task) throw notFound('任务 / task', key);
  const allowed =
    user.roles.includes('admin') ||
    (task.candidateGroups ?? []).some((g) => user.roles.includes(g)) ||
    task.assignee === user.login;
  if (!allowed)
    throw new AppError(403, 'NOT_YOUR_TASK', `该任务不属于您的岗位 / this task is not for your roles: ${task.name}`);
  return task;
}

export async function taskWithVariables(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key);
  const variables = await taskVariables(services.camunda, task.userTaskKey);
  const dueDateNotice = taskDueDateNotice(await loadBusinessCalendar(), task, variables);
  return { ...task, dueDateNotice, variables };
}

export async function claimTask(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key);
  if (task.assignee && task.assignee !== user.login)
    throw new AppError(409, 'ALREADY_CLAIMED', `任务已被 ${task.assignee} 认领 / already claimed by ${task.assignee}`);
  await services.camunda.rest.assignUserTask({
    userTaskKey: task.userTaskKey,
    assignee: user.login,
    allowOverride: true,
  });
  return { ...task, assignee: user.login };
}

export async function unclaimTask(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key);
  await services.camunda.rest.unassignUserTask({ userTaskKey: task.userTaskKey });
  return { ...task, assignee: undefined };
}

/** `validate` reads the submitted variables once the task is found and allowed (404 and 403 before 400). */
export async function completeTask(
  services: Services,
  user: TaskUser,
  key: string,
  validate: () => z.infer<typeof completeInput>,
) {
  const rest = services.camunda.rest;
  const task = await taskFor(services, user, key);
  const { variables } = validate();
  if (task.state !== 'CREATED') throw new AppError(409, 'TASK_NOT_OPEN', `任务已结束 / task is ${task.state}`);
  if (task.assignee && task.assignee !== user.login)
    throw new AppError(409, 'ALREADY_CLAIMED', `任务已被 ${task.assignee} 认领 / claimed by ${task.assignee}`);
  await checkTaskForm(services.camunda, task.userTaskKey, variables);
  if (!task.assignee)
    await rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: user.login, allowOverride: true });
  await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables });
  return { userTaskKey: task.userTaskKey, state: 'COMPLETED' };
}
