/**
 * Opening arrears cases (a daily run; decision 0057): for each account with an issued bill past its due date, the
 * prepayment balance is applied first; an account still overdue and without an open case gets one
 * (QF<yyyymmdd>-<nnnn>) and its `arrears` process. A case saved without its instance is started on the next run.
 */
import { Op, type Transaction } from 'sequelize';
import { ArrearsCase } from '../../db/collection/collection-models';
import { Account, Bill, Customer } from '../../db/core/customer-models';
import { chinaDayOf } from '../../lib/calendar';
import { startProcessOnce } from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import type { DomainServices } from '../domain-services';
import { nextNumber } from '../numbering';
import { unitOfArea } from '../users';
import { applyMoney } from './apply-money';
import { OPEN_CASE_STATES } from './arrears-settled';

export const ARREARS_PROCESS = 'arrears';

async function startCase(services: Pick<DomainServices, 'camunda'>, found: ArrearsCase): Promise<void> {
  const account = (await Account.findByPk(found.accountId))!;
  const customer = await Customer.findByPk(account.customerId);
  const { processInstanceKey } = await startProcessOnce(services.camunda, ARREARS_PROCESS, {
    businessKey: found.caseNo,
    accountId: account.id,
    accountNo: account.accountNo,
    customerName: customer?.name ?? '',
    area: customer?.area ?? '',
    residential: account.category === 'residential',
  });
  await found.update({ processInstanceKey });
}

/** The case belongs to the unit of the account's customer (decision 0025), or the unit serving its area. */
async function unitOfAccount(account: Account, transaction: Transaction): Promise<string | null> {
  const customer = await Customer.findByPk(account.customerId, { transaction });
  if (!customer) return null;
  return customer.unitCode ?? (await unitOfArea(customer.area));
}

export async function openArrearsCases(
  services: Pick<DomainServices, 'sequelize' | 'camunda'>,
): Promise<{ opened: string[]; started: string[] }> {
  const day = chinaDayOf(appClock.now());
  const overdue = await Bill.findAll({
    attributes: ['accountId'],
    where: { status: 'issued', paidAt: null, dueDate: { [Op.lt]: day } },
    group: ['accountId'],
  });
  const opened: string[] = [];
  for (const { accountId } of overdue) {
    const caseNo = await services.sequelize.transaction(async (transaction) => {
      const account = await Account.findByPk(accountId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!account) return null;
      await applyMoney(account, day, null, transaction);
      const stillOverdue = await Bill.count({
        where: { accountId, status: 'issued', paidAt: null, dueDate: { [Op.lt]: day } },
        transaction,
      });
      const open = await ArrearsCase.count({
        where: { accountId, status: { [Op.in]: OPEN_CASE_STATES } },
        transaction,
      });
      if (stillOverdue === 0 || open > 0) return null;
      const created = await ArrearsCase.create(
        {
          caseNo: await nextNumber('QF', transaction),
          accountId,
          status: 'open',
          openedOn: day,
          unitCode: await unitOfAccount(account, transaction),
        },
        { transaction },
      );
      return created.caseNo;
    });
    if (caseNo) opened.push(caseNo);
  }
  const unstarted = await ArrearsCase.findAll({
    where: { processInstanceKey: null, status: { [Op.in]: OPEN_CASE_STATES } },
  });
  for (const found of unstarted) await startCase(services, found);
  return { opened, started: unstarted.map((found) => found.caseNo) };
}
