/**
 * Bills just issued (发行) are paid from their accounts' prepayment balances (预存) first (decision 0056): each
 * account of the run that has a balance gets it applied, oldest bill first, in a transaction of its own. A second
 * call finds nothing left to apply, so a redelivered job changes nothing.
 */
import { Op, fn, col, literal } from 'sequelize';
import { PaymentAllocation } from '../../db/collection/collection-models';
import { Bill } from '../../db/core/customer-models';
import type { DomainServices } from '../domain-services';
import { accountById } from './account-ledger';
import { applyMoney } from './apply-money';

/** Answers how many accounts had a balance applied and how much of it went to their bills, in fen. */
export async function spendPrepaymentsOnRun(
  services: Pick<DomainServices, 'sequelize'>,
  runId: number,
  day: string,
): Promise<{ accounts: number; appliedFen: number }> {
  const billed = await Bill.findAll({ where: { runId, status: 'issued' }, attributes: ['accountId'] });
  const accountIds = [...new Set(billed.map((bill) => bill.accountId))];
  if (accountIds.length === 0) return { accounts: 0, appliedFen: 0 };
  const withBalance = await PaymentAllocation.findAll({
    where: { accountId: { [Op.in]: accountIds }, kind: 'prepayment' },
    attributes: ['accountId', [fn('SUM', col('amount_fen')), 'balance']],
    group: ['accountId'],
    having: literal('SUM(amount_fen) > 0'),
    raw: true,
  });
  let appliedFen = 0;
  for (const { accountId } of withBalance) {
    const applied = await services.sequelize.transaction(async (transaction) =>
      applyMoney(await accountById(accountId, transaction, true), day, null, transaction),
    );
    appliedFen -= Math.min(applied.prepaymentChangeFen, 0);
  }
  return { accounts: withBalance.length, appliedFen };
}
