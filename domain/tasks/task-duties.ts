/**
 * Who may act on a task beyond its candidate groups (decision 0025): separation of duties — the person who started
 * a case may not do its separated steps (the separated_steps table: reviews, approvals) — and unclaiming, which only
 * the assignee or a supervisor (a role with `supervise`) may do.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { AppError } from '../../lib/errors/app-error';
import { hasPermission, isSeparatedStep, SUPERVISE } from '../users';
import type { TaskUser } from './task-list';
import { taskOwners } from './task-owners';

export async function requireNotOwnCase(camunda: CamundaClients, user: TaskUser, task: EngineUserTask): Promise<void> {
  if (!(await isSeparatedStep(task.processDefinitionId, task.elementId))) return;
  const owner = (await taskOwners(camunda, [task])).get(task.userTaskKey);
  if (owner?.startedBy !== user.login) return;
  throw new AppError(
    403,
    'OWN_CASE',
    `不能办理本人受理的业务的「${task.name}」环节，请由其他同事办理 / you started this case: "${task.name}" must be done by someone else`,
  );
}

export async function requireMayUnclaim(user: TaskUser, task: EngineUserTask): Promise<void> {
  if (!task.assignee || task.assignee === user.login || (await hasPermission(user, SUPERVISE))) return;
  throw new AppError(
    403,
    'NOT_YOUR_CLAIM',
    `任务由 ${task.assignee} 认领，只有本人或主管可以退回 / claimed by ${task.assignee}: only they or a supervisor may unclaim it`,
  );
}
