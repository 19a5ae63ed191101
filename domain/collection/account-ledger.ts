/**
 * An account's money as the allocations record it: each issued, unpaid bill with what is left of its principal and
 * the penalty accrued to a day (computed from the rule rows and the days, never stored as owed), and the
 * prepayment balance (预存).
 */
import { Op, type Transaction } from 'sequelize';
import { PaymentAllocation } from '../../db/collection/collection-models';
import { Account, Bill } from '../../db/core/customer-models';
import { notFound } from '../../lib/errors/app-error';
import { ANY_SCOPE, RuleBook } from '../billing';
import { PENALTY_RATES } from './collection-rules';
import type { OpenBill } from './allocation';
import { penaltyOf } from './penalty';

export interface OpenBillView extends OpenBill {
  amountFen: number;
  overdueDays: number;
  penaltyAccruedFen: number;
  penaltyPaidFen: number;
}

/** The rate scope of an account: residential accounts have their own row, every other class the general one. */
export const penaltyScope = (account: Account): string =>
  account.category === 'residential' ? 'residential' : ANY_SCOPE;

export async function accountById(accountId: number, transaction?: Transaction, lock = false): Promise<Account> {
  const account = await Account.findByPk(accountId, {
    transaction,
    ...(lock && transaction ? { lock: transaction.LOCK.UPDATE } : {}),
  });
  if (!account) throw notFound('用电户 / account', accountId);
  return account;
}

export async function openBills(account: Account, day: string, transaction?: Transaction): Promise<OpenBillView[]> {
  const bills = await Bill.findAll({
    where: { accountId: account.id, status: 'issued', paidAt: null },
    order: [
      ['dueDate', 'ASC'],
      ['period', 'ASC'],
      ['id', 'ASC'],
    ],
    transaction,
  });
  if (bills.length === 0) return [];
  const allocations = await PaymentAllocation.findAll({
    where: { billId: { [Op.in]: bills.map((bill) => bill.id) } },
    transaction,
  });
  const rates = (await RuleBook.load([PENALTY_RATES], transaction)).inForce(PENALTY_RATES, penaltyScope(account), day);
  return bills.map((bill) => {
    const mine = allocations.filter((row) => row.billId === bill.id);
    const principalPaid = mine
      .filter((row) => row.kind === 'principal')
      .map((row) => ({ day: row.allocatedOn, amountFen: row.amountFen }));
    const penaltyPaidFen = mine.filter((row) => row.kind === 'penalty').reduce((sum, row) => sum + row.amountFen, 0);
    const principalLeftFen = bill.amountFen - principalPaid.reduce((sum, row) => sum + row.amountFen, 0);
    const penalty = penaltyOf({
      principalFen: bill.amountFen,
      period: bill.period,
      dueDate: bill.dueDate,
      until: day,
      rates: rates.body,
      principalPaid,
    });
    return {
      billId: bill.id,
      period: bill.period,
      dueDate: bill.dueDate,
      amountFen: bill.amountFen,
      principalLeftFen,
      overdueDays: penalty.days,
      penaltyAccruedFen: penalty.amountFen,
      penaltyPaidFen,
      penaltyLeftFen: Math.max(penalty.amountFen - penaltyPaidFen, 0),
    };
  });
}

export async function prepaymentBalance(accountId: number, transaction?: Transaction): Promise<number> {
  const sum = await PaymentAllocation.sum('amountFen', { where: { accountId, kind: 'prepayment' }, transaction });
  return Number(sum ?? 0);
}
