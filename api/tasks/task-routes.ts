/**
 * The tasklist's API: a signed-in user's tasks (assigned to them, open to one of their roles, unassigned, done),
 * one task with its variables, claim, unclaim and complete. A user may act only on tasks whose candidate groups
 * include one of their roles (the BPMN candidate groups are role codes). A task whose due date falls in a year
 * without an entered holiday schedule carries `dueDateNotice` (it may still move), others `dueDateNotice: null`.
 */
import { Router } from 'express';
import type { UserTask } from '@camunda8/sdk/dist/c8/lib/C8Dto';
import { AppError, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { AppContext } from '../app-context';
import { currentUser } from '../auth/require-auth';
import { parseInput } from '../http/validate';
import { loadBusinessCalendar } from '../../lib/calendar';
import { taskDueDateNotice, withDueDateNotices } from '../time-limits';
import { checkTaskForm, taskVariables } from './task-form-check';
import type { TokenClaims } from '../auth/token';

const listInput = z.object({
  scope: z.enum(['mine', 'group', 'unassigned', 'completed']).default('group'),
  processInstanceKey: z.string().regex(/^\d+$/).optional(),
});
const completeInput = z.object({ variables: z.record(z.unknown()).default({}) });

export function taskRoutes(context: AppContext): Router {
  const rest = context.camunda.rest;
  const router = Router();

  async function search(filter: Record<string, unknown>): Promise<UserTask[]> {
    const result = await rest.searchUserTasks({
      filter,
      page: { limit: 200 },
      sort: [{ field: 'creationDate', order: 'ASC' }],
    } as never);
    return result.items;
  }

  async function taskFor(user: TokenClaims, key: string): Promise<UserTask> {
    if (!/^\d+$/.test(key)) throw notFound('任务 / task', key);
    const task = await rest.getUserTask(key).catch(() => undefined);
    if (!task) throw notFound('任务 / task', key);
    const allowed =
      user.roles.includes('admin') ||
      (task.candidateGroups ?? []).some((g) => user.roles.includes(g)) ||
      task.assignee === user.login;
    if (!allowed)
      throw new AppError(403, 'NOT_YOUR_TASK', `该任务不属于您的岗位 / this task is not for your roles: ${task.name}`);
    return task;
  }

  router.get('/tasks', async (request, response) => {
    const user = currentUser(request);
    const input = parseInput(listInput, request.query, '任务查询');
    const base = input.processInstanceKey ? { processInstanceKey: input.processInstanceKey } : {};
    let items: UserTask[];
    if (input.scope === 'mine') items = await search({ ...base, assignee: user.login, state: 'CREATED' });
    else if (input.scope === 'completed') items = await search({ ...base, assignee: user.login, state: 'COMPLETED' });
    else {
      const perRole = await Promise.all(
        user.roles.map((role) => search({ ...base, candidateGroup: role, state: 'CREATED' })),
      );
      const all = user.roles.includes('admin') ? await search({ ...base, state: 'CREATED' }) : perRole.flat();
      const unique = new Map(all.map((task) => [task.userTaskKey, task]));
      items = [...unique.values()].filter((task) => input.scope !== 'unassigned' || !task.assignee);
    }
    response.json({ items: await withDueDateNotices(context.camunda, await loadBusinessCalendar(), items) });
  });

  router.get('/tasks/:key', async (request, response) => {
    const task = await taskFor(currentUser(request), request.params.key);
    const variables = await taskVariables(context.camunda, task.userTaskKey);
    const dueDateNotice = taskDueDateNotice(await loadBusinessCalendar(), task, variables);
    response.json({ ...task, dueDateNotice, variables });
  });

  router.post('/tasks/:key/claim', async (request, response) => {
    const user = currentUser(request);
    const task = await taskFor(user, request.params.key);
    if (task.assignee && task.assignee !== user.login)
      throw new AppError(
        409,
        'ALREADY_CLAIMED',
        `任务已被 ${task.assignee} 认领 / already claimed by ${task.assignee}`,
      );
    await rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: user.login, allowOverride: true });
    response.json({ ...task, assignee: user.login });
  });

  router.post('/tasks/:key/unclaim', async (request, response) => {
    const task = await taskFor(currentUser(request), request.params.key);
    await rest.unassignUserTask({ userTaskKey: task.userTaskKey });
    response.json({ ...task, assignee: undefined });
  });

  router.post('/tasks/:key/complete', async (request, response) => {
    const user = currentUser(request);
    const task = await taskFor(user, request.params.key);
    const { variables } = parseInput(completeInput, request.body, '任务');
    if (task.state !== 'CREATED') throw new AppError(409, 'TASK_NOT_OPEN', `任务已结束 / task is ${task.state}`);
    if (task.assignee && task.assignee !== user.login)
      throw new AppError(409, 'ALREADY_CLAIMED', `任务已被 ${task.assignee} 认领 / claimed by ${task.assignee}`);
    await checkTaskForm(context.camunda, task.userTaskKey, variables);
    if (!task.assignee)
      await rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: user.login, allowOverride: true });
    await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables });
    response.json({ userTaskKey: task.userTaskKey, state: 'COMPLETED' });
  });
  return router;
}
