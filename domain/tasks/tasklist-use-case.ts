/**
 * The tasklist: a user's tasks (assigned to them, open to one of their roles, unassigned, done), one task with its
 * variables, claim, unclaim and complete. A user may act only on tasks whose candidate groups include one of their
 * roles (the BPMN candidate groups are role codes), of cases in their units, and not on the steps the starter of a
 * case may not do (task-duties.ts).
 */
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { AppError, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import type { DomainServices } from '../domain-services';
import { loadBusinessCalendar } from '../time-limits';
import { withDueDateNotices } from '../time-limits';
import { checkTaskForm, taskVariables } from './task-form-check';
import { listTasks as tasksPage, type TaskListInput, type TaskUser } from './task-list';
import { requireMayUnclaim, requireNotOwnCase } from './task-duties';
import { hasPermission, SUPERVISE } from '../users';
import { tasksInUnits } from './task-owners';
import { engineStatusOf } from '../../lib/camunda/engine-status';
import { requireDocumentsPresent, taskDocuments } from './task-documents';
import type { DocumentStep } from '../documents';

type Services = Pick<DomainServices, 'camunda'>;

export const completeInput = z.object({ variables: z.record(z.unknown()).default({}) });

/**
 * A page of the user's tasks (see task-list.ts). A task whose due date falls in a year without an entered holiday
 * schedule carries `dueDateNotice` (it may still move), others `dueDateNotice: null`.
 */
export async function listTasks(services: Services, user: TaskUser, input: TaskListInput) {
  const calendar = await loadBusinessCalendar();
  const page = await tasksPage(services.camunda, user, input, calendar);
  return { ...page, items: await withDueDateNotices(services.camunda, calendar, page.items) };
}

/** The task, if the user may act on it: one of their roles (or, `supervising`, a supervisor's), in their units. */
export async function taskFor(
  services: Services,
  user: TaskUser,
  key: string,
  supervising = false,
): Promise<EngineUserTask> {
  if (!/^\d+$/.test(key)) throw notFound('任务 / task', key);
  const task = await services.camunda.rest.getUserTask(key).catch(() => undefined);
  if (!task) throw notFound('任务 / task', key);
  // A task of another unit's case is not found (decision 0025).
  if ((await tasksInUnits(services.camunda, user, [task])).length === 0) throw notFound('任务 / task', key);
  const allowed =
    user.roles.includes('admin') ||
    (task.candidateGroups ?? []).some((g) => user.roles.includes(g)) ||
    task.assignee === user.login ||
    (supervising && (await hasPermission(user, SUPERVISE)));
  if (!allowed)
    throw new AppError(403, 'NOT_YOUR_TASK', `该任务不属于您的岗位 / this task is not for your roles: ${task.name}`);
  return task;
}

export const alreadyClaimed = (by: string) =>
  new AppError(409, 'ALREADY_CLAIMED', `任务已被 ${by} 认领 / already claimed by ${by}`);
export const notOpen = (state: string) =>
  new AppError(409, 'TASK_NOT_OPEN', `任务已结束或已被他人处理，请刷新 / task is ${state}: refresh the list`);

/**
 * The engine takes one command at a time: of two claims at once the second finds the task assigned (409), of two
 * completes the second finds it completed (409, or 404 once gone). Both answer 409 here, never 500.
 */
export async function engineCommand<T>(command: () => Promise<T>, conflict: () => AppError): Promise<T> {
  try {
    return await command();
  } catch (error) {
    const status = engineStatusOf(error);
    if (status === 409 || status === 404) throw conflict();
    throw error;
  }
}

export const businessKeyIn = (variables: Record<string, unknown>) =>
  typeof variables.businessKey === 'string' ? variables.businessKey : undefined;

/**
 * The step a document is uploaded from: an open task of that case that the user may act on (another's claimed
 * task too, the upload changes nothing of the task). 404 for a task the user may not see or of another case.
 */
export async function uploadStepFor(
  services: Services,
  user: TaskUser,
  key: string,
  businessKey: string,
): Promise<DocumentStep> {
  const task = await taskFor(services, user, key);
  if (businessKeyIn(await taskVariables(services.camunda, task.userTaskKey)) !== businessKey)
    throw notFound(`案件 ${businessKey} 的任务 / task of case ${businessKey}`, key);
  if (task.state !== 'CREATED') throw notOpen(task.state);
  return { taskKey: task.userTaskKey, stepId: task.elementId, stepName: task.name ?? task.elementId };
}

/**
 * Claims, unclaims and completions go to the audit log, refusals too (outcome refused, with the answer's code);
 * `address` is the client's.
 */
export async function audited<T>(
  user: TaskUser,
  action: string,
  key: string,
  address: string,
  act: () => Promise<T>,
  detail: (result: T) => Record<string, unknown> | null = () => null,
) {
  const entry = { actor: user.login, action, target: `task:${key}`, address };
  try {
    const result = await act();
    await recordAudit({ ...entry, outcome: 'ok', detail: detail(result) });
    return result;
  } catch (error) {
    const refused = error instanceof AppError && error.status < 500;
    const detail = error instanceof AppError ? { code: error.code, status: error.status } : null;
    await recordAudit({ ...entry, outcome: refused ? 'refused' : 'failed', detail });
    throw error;
  }
}

export const claimTask = (services: Services, user: TaskUser, key: string, address: string) =>
  audited(user, 'task.claim', key, address, () => claim(services, user, key));

export const unclaimTask = (services: Services, user: TaskUser, key: string, address: string) =>
  audited(user, 'task.unclaim', key, address, () => unclaim(services, user, key));

export const completeTask = (
  services: Services,
  user: TaskUser,
  key: string,
  address: string,
  validate: () => z.infer<typeof completeInput>,
) => audited(user, 'task.complete', key, address, () => complete(services, user, key, validate));

/** Assigns the task to the user unless someone else has it: the engine decides between claims at once. */
async function assignToUser(services: Services, user: TaskUser, task: EngineUserTask): Promise<void> {
  if (task.state !== 'CREATED') throw notOpen(task.state);
  if (task.assignee && task.assignee !== user.login) throw alreadyClaimed(task.assignee);
  await engineCommand(
    () =>
      services.camunda.rest.assignUserTask({
        userTaskKey: task.userTaskKey,
        assignee: user.login,
        allowOverride: false,
      }),
    () => alreadyClaimed('他人 / someone else'),
  );
}

async function claim(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key);
  await requireNotOwnCase(services.camunda, user, task);
  await assignToUser(services, user, task);
  return { ...task, assignee: user.login };
}

/** Only the assignee or a supervisor may hand a claimed task back. */
async function unclaim(services: Services, user: TaskUser, key: string) {
  const task = await taskFor(services, user, key, true);
  await requireMayUnclaim(user, task);
  await engineCommand(
    () => services.camunda.rest.unassignUserTask({ userTaskKey: task.userTaskKey }),
    () => notOpen('closed'),
  );
  return { ...task, assignee: undefined };
}

/** `validate` reads the submitted variables once the task is found and allowed (404 and 403 before 400). */
async function complete(
  services: Services,
  user: TaskUser,
  key: string,
  validate: () => z.infer<typeof completeInput>,
) {
  const rest = services.camunda.rest;
  const task = await taskFor(services, user, key);
  const { variables } = validate();
  if (task.state !== 'CREATED') throw notOpen(task.state);
  if (task.assignee && task.assignee !== user.login) throw alreadyClaimed(task.assignee);
  await requireNotOwnCase(services.camunda, user, task);
  const checked = await checkTaskForm(services.camunda, task.userTaskKey, variables);
  // After the form: its mistakes are answered first, then what still has to be uploaded.
  const existing = await taskVariables(services.camunda, task.userTaskKey);
  requireDocumentsPresent(task, await taskDocuments(services.camunda, task, businessKeyIn(existing)));
  if (!task.assignee) await assignToUser(services, user, task);
  await engineCommand(
    () => rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: checked }),
    () => notOpen('closed'),
  );
  return { userTaskKey: task.userTaskKey, state: 'COMPLETED' };
}
