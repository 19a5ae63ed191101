/**
 * Cancelling a case from the API (managers): its active root instances are cancelled on the engine (the instances
 * they called end with them), then the application's case ends too — state cancelled, with the reason, who and
 * when — its whole-case clock stops, and the audit log records it. Should the application's part fail after the
 * engine's, the reconciliation finds the cancelled instance and finishes the job.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { AppError, notFound } from '../../lib/errors/app-error';
import { appClock } from '../../lib/clock/app-clock';
import { parseInput } from '../../lib/validation/parse-input';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import type { ScopeUser } from '../users';
import { requireCaseInScope } from './case-owners';
import { caseEndingOf, recordCaseEnding } from './case-endings';
import { instancesOfCase } from './case-monitoring-use-case';

const cancelInput = z.object({ reason: z.string().trim().min(1).max(500) });

export interface CancelRequest {
  businessKey: string;
  body: unknown;
  /** Who cancels: a case outside their units is not found (decision 0025). */
  actor: ScopeUser & { login: string };
  address: string | null;
}

export async function cancelCase(camunda: CamundaClients, request: CancelRequest) {
  const { businessKey, address } = request;
  const actor = request.actor.login;
  const { reason } = parseInput(cancelInput, request.body, '取消案件');
  await requireCaseInScope(request.actor, businessKey);
  const roots = (await instancesOfCase(camunda, businessKey)).filter(
    (instance) => !instance.parentProcessInstanceKey && instance.state === 'ACTIVE',
  );
  if (roots.length === 0) {
    const ending = await caseEndingOf(businessKey);
    if (ending?.outcome === 'cancelled')
      throw new AppError(
        409,
        'CASE_ALREADY_CANCELLED',
        `案件 ${businessKey} 已于 ${ending.endedAt} 由 ${ending.endedBy} 取消，无需再次取消 / ` +
          `case ${businessKey} was already cancelled by ${ending.endedBy} at ${ending.endedAt}; nothing left to cancel`,
      );
    throw notFound('进行中的业务流程 / active case', businessKey);
  }
  for (const root of roots) await camunda.rest.cancelProcessInstance({ processInstanceKey: root.processInstanceKey });
  const ending = await recordCaseEnding({
    businessKey,
    processInstanceKey: roots[0].processInstanceKey,
    outcome: 'cancelled',
    reason,
    endedBy: actor,
    endedAt: appClock.now(),
    source: 'api',
  });
  const cancelled = roots.map((root) => root.processInstanceKey);
  await recordAudit({
    actor,
    action: 'case.cancel',
    target: `case:${businessKey}`,
    address,
    detail: { reason, cancelled },
  });
  return { cancelled, ending };
}
