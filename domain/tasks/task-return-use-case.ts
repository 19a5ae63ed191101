/**
 * Return (退回, decision 0033): whoever may work the open step sends the case back to a step its model lists under
 * `returnTo` that this instance has been through, with a reason the target step's form shows (`returnedReason`).
 */
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { searchElementInstances } from '../../lib/camunda/engine-api';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { AppError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { DomainServices } from '../domain-services';
import { goBack, goBackReason } from './go-back';
import { stepModel } from './step-declarations';
import type { TaskUser } from './task-list';
import { requireNotOwnCase } from './task-duties';
import { alreadyClaimed, audited, notOpen, taskFor } from './tasklist-use-case';

type Services = Pick<DomainServices, 'camunda'>;

export const returnInput = z.object({ to: z.string().trim().min(1).max(128), reason: goBackReason }).strict();

export interface ReturnTarget {
  elementId: string;
  name: string;
}

/** The steps the open task may go back to now: declared on its element and already passed in its instance. */
export async function returnTargets(camunda: CamundaClients, task: EngineUserTask): Promise<ReturnTarget[]> {
  const model = await stepModel(camunda, task.processDefinitionKey);
  const declared = model.get(task.elementId)?.returnTo ?? [];
  const targets: ReturnTarget[] = [];
  for (const id of declared) {
    const element = model.get(id);
    if (!element) continue;
    const [passed] = await searchElementInstances(camunda, {
      filter: { processInstanceKey: task.processInstanceKey, elementId: id, state: 'COMPLETED' },
      page: { limit: 1 },
    });
    if (passed) targets.push({ elementId: id, name: element.name });
  }
  return targets;
}

async function returnTo(services: Services, user: TaskUser, key: string, validate: () => z.infer<typeof returnInput>) {
  const task = await taskFor(services, user, key);
  const input = validate();
  if (task.state !== 'CREATED') throw notOpen(task.state);
  if (task.assignee && task.assignee !== user.login) throw alreadyClaimed(task.assignee);
  await requireNotOwnCase(services.camunda, user, task);
  const target = (await returnTargets(services.camunda, task)).find((t) => t.elementId === input.to);
  if (!target) {
    throw new AppError(
      409,
      'RETURN_NOT_ALLOWED',
      `流程不允许从「${task.name}」退回到 ${input.to}，请选择页面列出的环节 / the process does not let "${task.name}" return to ${input.to}: choose one of the steps offered`,
    );
  }
  await goBack(
    services.camunda,
    task.processInstanceKey,
    task.processDefinitionKey,
    target.elementId,
    [task.elementInstanceKey],
    {
      returnedReason: input.reason,
      returnedBy: user.login,
      returnedFrom: task.name,
    },
  );
  return { userTaskKey: task.userTaskKey, returnedTo: target, reason: input.reason };
}

export const returnTask = (
  services: Services,
  user: TaskUser,
  key: string,
  address: string,
  validate: () => z.infer<typeof returnInput>,
) =>
  audited(
    user,
    'task.return',
    key,
    address,
    () => returnTo(services, user, key, validate),
    (result) => ({ to: result.returnedTo.elementId, toName: result.returnedTo.name, reason: result.reason }),
  );
