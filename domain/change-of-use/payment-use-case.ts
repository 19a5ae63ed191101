/**
 * The works fee of a change (meter move, voltage change, split, merge: docs/business-rules.md §1.5), paid in one go
 * or in parts at the counter, under the payment rules every case shares (domain/payments). The fee is the one the
 * clerk set at review (feeFen, written by the fee notice). Once the payments reach it, message `change-fee-paid`
 * ends the process's wait and the site work starts.
 */
import { Customer } from '../../db/core/customer-models';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { ChangePayment } from '../../db/change-of-use/customer-action-models';
import { businessRuleViolated, conflict, notFound } from '../../lib/errors/app-error';
import { balance, paidSoFar, type Balance, type PaymentBook } from '../payments';
import { publishCaseMessage } from './case-messages';

export const FEE_PAID_MESSAGE = 'change-fee-paid';

export async function feeBalance(application: ChangeApplication): Promise<Balance> {
  return balance(application.feeFen ?? 0, await paidSoFar(changeFeePayments, application.applicationNo));
}

async function changeApplication(applicationNo: string, options = {}): Promise<ChangeApplication> {
  const application = await ChangeApplication.findOne({ where: { applicationNo }, ...options });
  if (!application) throw notFound('变更申请 / change application', applicationNo);
  return application;
}

export const changeFeePayments: PaymentBook = {
  caseKind: 'change-of-use',
  caseName: '变更申请 / change application',
  ledger: ChangePayment,
  lockOpenCase: async (applicationNo, transaction) => {
    const application = await changeApplication(applicationNo, { transaction, lock: transaction.LOCK.UPDATE });
    if (!application.feeFen)
      throw businessRuleViolated('NO_FEE_DUE', `该申请无应缴费用 / no fee is due on ${applicationNo}`);
    if (application.status !== 'in-progress')
      throw conflict(`申请 ${applicationNo} 已结束 (${application.status}) / the case has ended`);
  },
  dueFen: async (applicationNo, transaction) => (await changeApplication(applicationNo, { transaction })).feeFen ?? 0,
  payer: async (applicationNo) => {
    const { customerId } = await changeApplication(applicationNo);
    return { customerId, name: (await Customer.findByPk(customerId))?.name ?? '' };
  },
  notifySettled: (services, applicationNo, paidFen) =>
    publishCaseMessage(services.camunda, FEE_PAID_MESSAGE, applicationNo, `${FEE_PAID_MESSAGE}:${applicationNo}`, {
      feePaidFen: paidFen,
    }),
};
