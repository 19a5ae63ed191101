/**
 * The customer pays the works fee of a change (meter move, voltage change, split, merge: docs/business-rules.md §1.5),
 * in one go or in parts, recorded at the counter. The fee is the one the clerk set at review (feeFen, written by the
 * fee notice). Once the payments reach it, message `change-fee-paid` ends the process's wait and the site work starts.
 */
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { ChangePayment } from '../../db/change-of-use/customer-action-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, businessRuleViolated, conflict, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { publishCaseMessage } from './case-messages';
import { yuan } from './unpaid-bills';

export const FEE_PAID_MESSAGE = 'change-fee-paid';

export const paymentInput = z
  .object({
    amountFen: z.number().int().positive().max(1_000_000_000),
    method: z.enum(['counter', 'bank-transfer', 'wechat', 'alipay']),
  })
  .strict();

export interface FeeBalance {
  dueFen: number;
  paidFen: number;
  settled: boolean;
}

export async function feeBalance(application: ChangeApplication): Promise<FeeBalance> {
  const dueFen = application.feeFen ?? 0;
  const paidFen = (await ChangePayment.sum('amountFen', { where: { applicationNo: application.applicationNo } })) || 0;
  return { dueFen, paidFen: Number(paidFen), settled: dueFen > 0 && Number(paidFen) >= dueFen };
}

/** Checks and records one payment under a lock on the case, so two payments at once cannot both fit the balance. */
async function recordUnderLock(applicationNo: string, input: z.infer<typeof paymentInput>, recordedBy: string) {
  return ChangeApplication.sequelize!.transaction(async (transaction) => {
    const application = await ChangeApplication.findOne({
      where: { applicationNo },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!application) throw notFound('变更申请 / change application', applicationNo);
    const before = await feeBalance(application);
    if (before.dueFen === 0)
      throw businessRuleViolated('NO_FEE_DUE', `该申请无应缴费用 / no fee is due on ${applicationNo}`);
    if (application.status !== 'in-progress')
      throw conflict(`申请 ${applicationNo} 已结束 (${application.status}) / the case has ended`);
    const leftFen = before.dueFen - before.paidFen;
    if (input.amountFen > leftFen)
      throw new AppError(
        409,
        'OVERPAID',
        `缴费金额超过应缴余额 ${yuan(leftFen)} 元 / the payment exceeds the ${yuan(leftFen)} yuan still due`,
        { leftFen },
      );
    const payment = await ChangePayment.create(
      { applicationNo, ...input, paidAt: appClock.now(), recordedBy },
      { transaction },
    );
    const paidFen = before.paidFen + input.amountFen;
    return { payment, dueFen: before.dueFen, paidFen, settled: paidFen >= before.dueFen };
  });
}

export async function recordChangePayment(
  camunda: CamundaClients,
  applicationNo: string,
  input: z.infer<typeof paymentInput>,
  recordedBy: string,
) {
  const recorded = await recordUnderLock(applicationNo, input, recordedBy);
  if (!recorded.settled) return recorded;
  try {
    await publishCaseMessage(camunda, FEE_PAID_MESSAGE, applicationNo, `${FEE_PAID_MESSAGE}:${applicationNo}`, {
      feePaidFen: recorded.paidFen,
    });
  } catch (error) {
    // The process would never hear of it: the payment is taken back so that the counter can record it again.
    await recorded.payment.destroy();
    throw new AppError(503, 'PROCESS_NOT_NOTIFIED', `缴费未记录，流程未响应 / payment not recorded: ${String(error)}`);
  }
  return recorded;
}
