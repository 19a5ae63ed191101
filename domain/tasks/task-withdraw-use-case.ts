/**
 * Withdraw (撤回, decision 0033): the person who completed a step takes it back while the following step, whose
 * model lists it under `withdrawTo`, is still unclaimed; their step opens again assigned to them.
 */
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { searchElementInstances, searchProcessInstances, searchUserTasks } from '../../lib/camunda/engine-api';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { AppError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { DomainServices } from '../domain-services';
import { goBack, goBackReason } from './go-back';
import { stepModel } from './step-declarations';
import type { TaskUser } from './task-list';
import { audited, taskFor } from './tasklist-use-case';

type Services = Pick<DomainServices, 'camunda'>;

export const withdrawInput = z.object({ reason: goBackReason }).strict();

/** Where a completed step sits in an instance: its own element, or the call activity that called its process. */
async function placesOf(camunda: CamundaClients, task: EngineUserTask) {
  const places = [{ processInstanceKey: String(task.processInstanceKey), elementId: task.elementId }];
  const [instance] = await searchProcessInstances(camunda, {
    filter: { processInstanceKey: task.processInstanceKey },
    page: { limit: 1 },
  });
  const parent = instance as { parentProcessInstanceKey?: string; parentElementInstanceKey?: string } | undefined;
  if (parent?.parentProcessInstanceKey && parent.parentElementInstanceKey) {
    const [caller] = await searchElementInstances(camunda, {
      filter: { elementInstanceKey: parent.parentElementInstanceKey },
      page: { limit: 1 },
    });
    if (caller)
      places.push({ processInstanceKey: String(parent.parentProcessInstanceKey), elementId: caller.elementId });
  }
  return places;
}

export interface Withdrawal {
  processInstanceKey: string;
  processDefinitionKey: string;
  /** The element that opens again: the completed step, or the call activity of its process. */
  elementId: string;
  following: EngineUserTask[];
}

/** The open steps that followed the completed task and let it be withdrawn, or null. */
export async function withdrawalOf(camunda: CamundaClients, task: EngineUserTask): Promise<Withdrawal | null> {
  if (task.state !== 'COMPLETED' || !task.completionDate) return null;
  const completedAt = Date.parse(task.completionDate);
  for (const place of await placesOf(camunda, task)) {
    const open = await searchUserTasks(camunda, {
      filter: { processInstanceKey: place.processInstanceKey, state: 'CREATED' },
      page: { limit: 100 },
    });
    const following: EngineUserTask[] = [];
    for (const next of open) {
      const declared = (await stepModel(camunda, next.processDefinitionKey)).get(next.elementId)?.withdrawTo ?? [];
      if (declared.includes(place.elementId) && Date.parse(next.creationDate) >= completedAt) following.push(next);
    }
    if (following.length > 0) {
      return {
        processInstanceKey: place.processInstanceKey,
        processDefinitionKey: String(following[0].processDefinitionKey),
        elementId: place.elementId,
        following,
      };
    }
  }
  return null;
}

const WAIT_FOR_REOPENED_MS = 15_000;

/** The step's task opened again by the withdrawal (the engine's search follows its log by a moment). */
async function reopenedTask(camunda: CamundaClients, task: EngineUserTask, withdrawal: Withdrawal) {
  const deadline = Date.now() + WAIT_FOR_REOPENED_MS;
  while (Date.now() < deadline) {
    const instances =
      withdrawal.processInstanceKey === String(task.processInstanceKey)
        ? [withdrawal.processInstanceKey]
        : (
            await searchProcessInstances(camunda, {
              filter: {
                parentProcessInstanceKey: withdrawal.processInstanceKey,
                processDefinitionId: task.processDefinitionId,
                state: 'ACTIVE',
              },
              page: { limit: 10 },
            })
          ).map((instance) => String(instance.processInstanceKey));
    for (const processInstanceKey of instances) {
      const [reopened] = await searchUserTasks(camunda, {
        filter: { processInstanceKey, elementId: task.elementId, state: 'CREATED' },
        page: { limit: 1 },
      });
      if (reopened) return reopened;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

async function withdraw(
  services: Services,
  user: TaskUser,
  key: string,
  validate: () => z.infer<typeof withdrawInput>,
) {
  const camunda = services.camunda;
  const task = await taskFor(services, user, key);
  const input = validate();
  if (task.state !== 'COMPLETED' || task.assignee !== user.login) {
    throw new AppError(
      403,
      'NOT_YOUR_STEP',
      '只能撤回本人已办结的环节 / only the person who completed a step may withdraw it',
    );
  }
  const withdrawal = await withdrawalOf(camunda, task);
  if (!withdrawal) {
    throw new AppError(
      409,
      'WITHDRAW_NOT_ALLOWED',
      '流程不允许撤回该环节，或下一环节已办结，请联系下一环节的办理人退回 / the process allows no withdrawal here, or the next step is done: ask its worker to return the case',
    );
  }
  const claimed = withdrawal.following.find((next) => next.assignee);
  if (claimed) {
    throw new AppError(
      409,
      'NEXT_STEP_CLAIMED',
      `下一环节「${claimed.name}」已由 ${claimed.assignee} 认领，不能撤回，请联系其退回 / the next step "${claimed.name}" is claimed by ${claimed.assignee}: ask them to return the case`,
    );
  }
  await goBack(
    camunda,
    withdrawal.processInstanceKey,
    withdrawal.processDefinitionKey,
    withdrawal.elementId,
    withdrawal.following.map((next) => String(next.elementInstanceKey)),
    { returnedReason: null, returnedBy: null, returnedFrom: null },
  );
  const reopened = await reopenedTask(camunda, task, withdrawal);
  if (reopened) {
    await camunda.rest
      .assignUserTask({ userTaskKey: reopened.userTaskKey, assignee: user.login, allowOverride: false })
      .catch(() => undefined); // someone claimed it in the moment between: it stays theirs
  }
  return {
    userTaskKey: task.userTaskKey,
    reopenedTaskKey: reopened?.userTaskKey ?? null,
    withdrawn: withdrawal.following.map((next) => next.name),
    reason: input.reason,
  };
}

export const withdrawTask = (
  services: Services,
  user: TaskUser,
  key: string,
  address: string,
  validate: () => z.infer<typeof withdrawInput>,
) =>
  audited(
    user,
    'task.withdraw',
    key,
    address,
    () => withdraw(services, user, key, validate),
    (result) => ({ reopenedTaskKey: result.reopenedTaskKey, withdrawn: result.withdrawn, reason: result.reason }),
  );
