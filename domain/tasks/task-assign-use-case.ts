/**
 * Supervisors hand a task to a person (decision 0033): only a user with the `supervise` permission, on a task of a
 * case in their units; the assignee must be an active user holding one of the task's candidate roles, working in
 * the case's unit, and not the case's starter on a separated step. Reassigning a claimed task is allowed to them.
 */
import { Op } from 'sequelize';
import { User } from '../../db/core/user-models';
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { AppError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { DomainServices } from '../domain-services';
import { hasPermission, inScope, isSeparatedStep, SUPERVISE, unitScope } from '../users';
import type { TaskUser } from './task-list';
import { taskOwners } from './task-owners';
import { audited, engineCommand, notOpen, taskFor } from './tasklist-use-case';

type Services = Pick<DomainServices, 'camunda'>;

export const assignInput = z.object({ assignee: z.string().trim().min(1).max(64) }).strict();

export interface Assignee {
  login: string;
  name: string;
  roles: string[];
}

export async function requireSupervisor(user: TaskUser): Promise<void> {
  if (await hasPermission(user, SUPERVISE)) return;
  throw new AppError(
    403,
    'NOT_SUPERVISOR',
    '只有业务主管可以指派任务，请联系主管 / only a supervisor may assign a task: ask one to do it',
  );
}

/** The people who may take the task: active, holding a candidate role, in the case's unit, not barred by duty. */
export async function assigneesOf(services: Services, task: EngineUserTask): Promise<Assignee[]> {
  const roles = task.candidateGroups ?? [];
  if (roles.length === 0) return [];
  const owner = (await taskOwners(services.camunda, [task])).get(task.userTaskKey);
  const barred =
    owner && (await isSeparatedStep(task.processDefinitionId, task.elementId)) ? owner.startedBy : undefined;
  const users = await User.findAll({
    where: { active: true, login: { [Op.ne]: barred ?? '' } },
    order: [['login', 'ASC']],
  });
  const chosen: Assignee[] = [];
  for (const user of users) {
    if (!user.roles.some((role) => roles.includes(role))) continue;
    if (owner && !inScope(await unitScope(user), owner.unitCode)) continue;
    chosen.push({ login: user.login, name: user.name, roles: user.roles.filter((role) => roles.includes(role)) });
  }
  return chosen;
}

export async function taskAssignees(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key, true);
  await requireSupervisor(user);
  return { items: task.state === 'CREATED' ? await assigneesOf(services, task) : [] };
}

async function assign(services: Services, user: TaskUser, key: string, validate: () => z.infer<typeof assignInput>) {
  const task = await taskFor(services, user, key, true);
  await requireSupervisor(user);
  const { assignee } = validate();
  if (task.state !== 'CREATED') throw notOpen(task.state);
  if (!(await assigneesOf(services, task)).some((candidate) => candidate.login === assignee)) {
    throw new AppError(
      409,
      'NOT_AN_ASSIGNEE',
      `${assignee} 不能办理该任务（须为在岗、具备该环节岗位且属于本单位的人员），请从可选人员中选择 / ${assignee} may not take this task (an active user of the case's unit holding one of its roles): choose from the listed people`,
    );
  }
  await engineCommand(
    () => services.camunda.rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee, allowOverride: true }),
    () => notOpen('closed'),
  );
  return { ...task, assignee, previousAssignee: task.assignee ?? null };
}

export const assignTask = (
  services: Services,
  user: TaskUser,
  key: string,
  address: string,
  validate: () => z.infer<typeof assignInput>,
) =>
  audited(
    user,
    'task.assign',
    key,
    address,
    () => assign(services, user, key, validate),
    (result) => ({ assignee: result.assignee, previousAssignee: result.previousAssignee }),
  );
