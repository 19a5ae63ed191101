/**
 * What a manager does to an instance from the monitor, each audited: retry its open incidents (after fixing their
 * cause, e.g. a variable), change a variable (roles with `variables:edit`), cancel it with a reason. A case's main
 * instance is cancelled as the case (the application's case ends too, cancel-case-use-case); an instance of no known
 * case is cancelled on the engine alone. The batch screen calls these one instance at a time, showing its progress.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchIncidents, searchVariables, setInstanceVariables } from '../../lib/camunda/engine-api';
import { AppError, notFound, validationError } from '../../lib/errors/app-error';
import { parseInput } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import { cancelCase, retryIncident } from '../cases';
import { hasPermission, VARIABLES_EDIT, type PermissionUser, type ScopeUser } from '../users';
import { monitoredInstance } from './instance-detail-use-case';

export interface InstanceActor extends ScopeUser, PermissionUser {
  login: string;
}

export interface InstanceAction {
  camunda: CamundaClients;
  actor: InstanceActor;
  processInstanceKey: string;
  body: unknown;
  address: string | null;
}

const retryInput = z.object({
  incidentKey: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
});

/** Retries the instance's open incidents (or the one named). */
export async function retryInstance({ camunda, actor, processInstanceKey, body, address }: InstanceAction) {
  const { incidentKey } = parseInput(retryInput, body ?? {}, '重试');
  const { businessKey } = await monitoredInstance(camunda, actor, processInstanceKey);
  const open = await searchIncidents(camunda, {
    filter: { processInstanceKey, state: 'ACTIVE', ...(incidentKey ? { incidentKey } : {}) },
    page: { limit: 100 },
  });
  if (open.length === 0) throw notFound('未解决的故障 / open incident', incidentKey ?? processInstanceKey);
  const resolved: string[] = [];
  for (const incident of open) resolved.push((await retryIncident(camunda, incident)).resolved);
  await recordAudit({
    actor: actor.login,
    action: 'instance.retry',
    target: `instance:${processInstanceKey}`,
    address,
    detail: { businessKey, resolved },
  });
  return { resolved };
}

const variableInput = z.object({
  name: z.string().regex(/^[A-Za-z_]\w{0,63}$/),
  /** The new value as JSON text (a string value in quotes). */
  value: z.string().max(10_000),
  reason: z.string().trim().min(2).max(500),
});

/** Sets one variable on the instance's own scope: the old and new values and the reason go to the audit log. */
export async function setInstanceVariable({ camunda, actor, processInstanceKey, body, address }: InstanceAction) {
  const input = parseInput(variableInput, body, '修改变量');
  if (!(await hasPermission(actor, VARIABLES_EDIT)))
    throw new AppError(403, 'FORBIDDEN', '无权修改流程变量 / your role may not change process variables');
  let value: unknown;
  try {
    value = JSON.parse(input.value);
  } catch {
    throw validationError('变量值须为 JSON（文字加引号）/ the value must be JSON (text in quotes)', [
      { field: 'value', message: '不是有效的 JSON / not valid JSON' },
    ]);
  }
  const { instance, businessKey } = await monitoredInstance(camunda, actor, processInstanceKey);
  if (instance.state !== 'ACTIVE')
    throw new AppError(409, 'INSTANCE_NOT_ACTIVE', '流程实例已结束，变量不能再改 / the instance has ended');
  const [old] = await searchVariables(camunda, {
    filter: { processInstanceKey, scopeKey: processInstanceKey, name: input.name },
    page: { limit: 1 },
  });
  await setInstanceVariables(camunda, processInstanceKey, { [input.name]: value });
  await recordAudit({
    actor: actor.login,
    action: 'instance.variable',
    target: `instance:${processInstanceKey}`,
    address,
    detail: { businessKey, name: input.name, old: old?.value ?? null, new: input.value, reason: input.reason },
  });
  return { name: input.name, value: input.value };
}

const cancelInput = z.object({ reason: z.string().trim().min(1).max(500) });

/** Cancels the instance: a case's main instance as the case, another root instance on the engine. */
export async function cancelInstance({ camunda, actor, processInstanceKey, body, address }: InstanceAction) {
  const { reason } = parseInput(cancelInput, body, '取消');
  const { instance, businessKey } = await monitoredInstance(camunda, actor, processInstanceKey);
  if (instance.parentProcessInstanceKey)
    throw new AppError(
      409,
      'CALLED_INSTANCE',
      '这是被调用的子流程，请取消它所属的主流程 / a called instance ends with the instance that called it: cancel that one',
    );
  if (instance.state !== 'ACTIVE')
    throw new AppError(409, 'INSTANCE_NOT_ACTIVE', '流程实例已结束，无需取消 / the instance has already ended');
  if (businessKey) return cancelCase(camunda, { businessKey, body: { reason }, actor, address });
  await camunda.rest.cancelProcessInstance({ processInstanceKey });
  await recordAudit({
    actor: actor.login,
    action: 'instance.cancel',
    target: `instance:${processInstanceKey}`,
    address,
    detail: { reason },
  });
  return { cancelled: [processInstanceKey], ending: null };
}
