/**
 * Payment at any point stops the arrears flow: once an account with an open arrears case has no overdue bill left,
 * the message `arrears-settled` (correlated by the account number) interrupts the case, or, after a disconnection,
 * starts the reconnection. The message has an id per case, so a repeated call correlates it once.
 */
import { Op } from 'sequelize';
import { ArrearsCase } from '../../db/collection/collection-models';
import { Bill } from '../../db/core/customer-models';
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import type { DomainServices } from '../domain-services';
import { accountById } from './account-ledger';

/** A case still waiting on the customer's money (not yet settled). */
export const OPEN_CASE_STATES = ['open', 'noticed', 'disconnected'];
const MESSAGE_TTL_MS = 3_600_000;

export async function overdueBillCount(accountId: number, day: string): Promise<number> {
  return Bill.count({ where: { accountId, status: 'issued', paidAt: null, dueDate: { [Op.lt]: day } } });
}

export async function notifyArrearsSettled(
  services: Pick<DomainServices, 'camunda'>,
  accountId: number,
): Promise<string | null> {
  const open = await ArrearsCase.findOne({
    where: { accountId, status: { [Op.in]: OPEN_CASE_STATES }, processInstanceKey: { [Op.ne]: null } },
  });
  if (!open || (await overdueBillCount(accountId, chinaDayOf(appClock.now()))) > 0) return null;
  const account = await accountById(accountId);
  await services.camunda.zeebe.publishMessage({
    name: 'arrears-settled',
    correlationKey: account.accountNo,
    messageId: `arrears-settled-${open.caseNo}`,
    timeToLive: MESSAGE_TTL_MS,
    variables: { settledAt: appClock.now().toISOString() },
  });
  return open.caseNo;
}
