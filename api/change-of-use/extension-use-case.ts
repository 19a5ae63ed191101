/**
 * Extending a temporary supply (临时用电, ≤ 6 months unless extended: docs/business-rules.md §2) while its case waits for
 * the expiry. How often and by how many months are the route decision's data (extensionsAllowed, extensionMaxMonths).
 * The new expiry is saved, then message `change-extended` carries it to the process, whose wait starts again with
 * the new date.
 */
import { UniqueConstraintError } from 'sequelize';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { ChangeExtension } from '../../db/change-of-use/customer-action-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, businessRuleViolated, conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { openWaits, publishCaseMessage } from './case-messages';
import { CHANGE_TYPE_NAMES, type ChangeType } from './change-types';
import { expiryAfter } from './expiry';
import type { ChangeRoute } from './route-decision';

export const EXTENDED_MESSAGE = 'change-extended';

export const extensionInput = z
  .object({ months: z.number().int().positive().max(120), reason: z.string().trim().min(1).max(500) })
  .strict();

/** The rule of the route: refuses what it does not allow, before anything is looked up in the engine. */
async function requireAllowed(application: ChangeApplication, months: number): Promise<number> {
  const route = (application.route ?? {}) as Partial<ChangeRoute>;
  const allowed = route.extensionsAllowed ?? 0;
  const typeName = CHANGE_TYPE_NAMES[application.changeType as ChangeType] ?? application.changeType;
  if (allowed <= 0) throw businessRuleViolated('EXTENSION_NOT_ALLOWED', `${typeName}不能延期 / cannot be extended`);
  const done = await ChangeExtension.count({ where: { applicationNo: application.applicationNo } });
  if (done >= allowed)
    throw businessRuleViolated('EXTENSION_LIMIT', `${typeName}只能延期 ${allowed} 次 / may be extended ${allowed}×`);
  const max = route.extensionMaxMonths ?? 0;
  if (months > max)
    throw businessRuleViolated('EXTENSION_TOO_LONG', `延期不得超过 ${max} 个月 / at most ${max} months`, { max });
  return done + 1;
}

export async function extendTemporaryChange(
  camunda: CamundaClients,
  applicationNo: string,
  input: z.infer<typeof extensionInput>,
  requestedBy: string,
) {
  const application = await ChangeApplication.findOne({ where: { applicationNo } });
  if (!application) throw notFound('变更申请 / change application', applicationNo);
  const sequence = await requireAllowed(application, input.months);
  const previousExpiresAt = application.expiresAt;
  const waiting = application.status === 'in-progress' && previousExpiresAt !== null;
  if (!waiting || !(await openWaits(camunda, application.processInstanceKey)).includes('expiry'))
    throw conflict(`申请 ${applicationNo} 未在等待期满 / the case is not waiting for its expiry`);
  const newExpiresAt = expiryAfter(previousExpiresAt, input.months);
  // The unique (application, sequence) index refuses a second concurrent "first" extension.
  const extension = await ChangeApplication.sequelize!.transaction(async (transaction) => {
    await application.update({ expiresAt: newExpiresAt }, { transaction });
    return ChangeExtension.create(
      { applicationNo, sequence, ...input, previousExpiresAt, newExpiresAt, requestedBy, requestedAt: appClock.now() },
      { transaction },
    );
  }).catch((error: unknown) => {
    if (error instanceof UniqueConstraintError)
      throw conflict(`申请 ${applicationNo} 正在延期 / already being extended`);
    throw error;
  });
  try {
    await publishCaseMessage(
      camunda,
      EXTENDED_MESSAGE,
      applicationNo,
      `${EXTENDED_MESSAGE}:${applicationNo}:${sequence}`,
      {
        expiresAt: newExpiresAt.toISOString(),
      },
    );
  } catch (error) {
    await ChangeApplication.sequelize!.transaction(async (transaction) => {
      await extension.destroy({ transaction });
      await application.update({ expiresAt: previousExpiresAt }, { transaction });
    });
    throw new AppError(503, 'PROCESS_NOT_NOTIFIED', `延期未生效，流程未响应 / not extended: ${String(error)}`);
  }
  return { applicationNo, extension, expiresAt: newExpiresAt.toISOString() };
}
