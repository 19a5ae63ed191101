/**
 * The 业扩 fees' payments under the payment rules every case shares (domain/payments): a case takes payments once
 * its fees are reckoned, while in progress or waiting for payment; once they are paid in full the case is back in
 * progress and message `fee-paid` ends the process's wait.
 */
import { Customer } from '../../db/core/customer-models';
import { Application, Fee, Payment } from '../../db/business-expansion';
import { businessRuleViolated, conflict, notFound } from '../../lib/errors/app-error';
import type { PaymentBook } from '../payments';
import { publishCustomerMessage } from './customer-actions-use-case';

const PAYABLE_STATES = ['in-progress', 'waiting-payment'];

async function application(applicationNo: string, options = {}): Promise<Application> {
  const found = await Application.findOne({ where: { applicationNo }, ...options });
  if (!found) throw notFound('业扩申请 / application', applicationNo);
  return found;
}

const dueFen: PaymentBook['dueFen'] = async (applicationNo, transaction) =>
  Number((await Fee.sum('amountFen', { where: { applicationNo }, transaction })) ?? 0);

export const feePayments: PaymentBook = {
  caseKind: 'business-expansion',
  caseName: '业扩申请 / application',
  ledger: Payment,
  lockOpenCase: async (applicationNo, transaction) => {
    const found = await application(applicationNo, { transaction, lock: transaction.LOCK.UPDATE });
    if ((await dueFen(applicationNo, transaction)) === 0)
      throw businessRuleViolated('NO_FEES_DUE', `该申请无应缴费用 / no fees due: ${applicationNo}`);
    if (!PAYABLE_STATES.includes(found.state))
      throw conflict(`申请 ${applicationNo} 当前状态为 ${found.state} / the case is ${found.state}`);
  },
  dueFen,
  payer: async (applicationNo) => {
    const { customerId } = await application(applicationNo);
    return { customerId, name: (await Customer.findByPk(customerId))?.name ?? '' };
  },
  notifySettled: async (services, applicationNo, paidFen) => {
    // Only a case still waiting: a repeated notice (a retried request) must not pull a case back from a later wait.
    await Application.update({ state: 'in-progress' }, { where: { applicationNo, state: 'waiting-payment' } });
    await publishCustomerMessage(services, 'fee-paid', applicationNo, `fee-paid:${applicationNo}`, {
      feesPaidFen: paidFen,
    });
  },
};
