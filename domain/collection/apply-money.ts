/**
 * Applying money to an account inside the caller's transaction (decision 0056): the prepayment balance first, then
 * the payment, each on the open bills oldest first and penalty before principal; the surplus into the prepayment
 * balance; a bill paid in full gets `paid_at` (what the change-of-use debt check reads).
 */
import { Op, type Transaction } from 'sequelize';
import { PaymentAllocation } from '../../db/collection/collection-models';
import type { Account } from '../../db/core/customer-models';
import { Bill } from '../../db/core/customer-models';
import { appClock } from '../../lib/clock/app-clock';
import { allocate, type Allocation, type OpenBill } from './allocation';
import { openBills, prepaymentBalance } from './account-ledger';

export interface Applied {
  allocations: (Allocation & { fromPrepayment: boolean })[];
  paidBillIds: number[];
  /** Into the balance (positive) or out of it (negative). */
  prepaymentChangeFen: number;
}

/** The bills as they stand once `allocations` are made. */
function less(bills: OpenBill[], allocations: Allocation[]): OpenBill[] {
  return bills.map((bill) => {
    const mine = allocations.filter((row) => row.billId === bill.billId);
    const of = (kind: string) => mine.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.amountFen, 0);
    return {
      ...bill,
      penaltyLeftFen: bill.penaltyLeftFen - of('penalty'),
      principalLeftFen: bill.principalLeftFen - of('principal'),
    };
  });
}

export async function applyMoney(
  account: Account,
  day: string,
  payment: { id: number; amountFen: number } | null,
  transaction: Transaction,
): Promise<Applied> {
  const bills = await openBills(account, day, transaction);
  const balance = await prepaymentBalance(account.id, transaction);
  const fromBalance = allocate(bills, Math.max(balance, 0));
  const spentFromBalance = Math.max(balance, 0) - fromBalance.leftFen;
  const fromPayment = payment
    ? allocate(less(bills, fromBalance.allocations), payment.amountFen)
    : { allocations: [], paidBillIds: [], leftFen: 0 };
  const rows = [
    ...fromBalance.allocations.map((row) => ({ ...row, paymentId: null })),
    ...(spentFromBalance > 0
      ? [{ billId: null, kind: 'prepayment' as const, amountFen: -spentFromBalance, paymentId: null }]
      : []),
    ...fromPayment.allocations.map((row) => ({ ...row, paymentId: payment!.id })),
    ...(fromPayment.leftFen > 0
      ? [{ billId: null, kind: 'prepayment' as const, amountFen: fromPayment.leftFen, paymentId: payment!.id }]
      : []),
  ];
  await PaymentAllocation.bulkCreate(
    rows.map((row) => ({ ...row, accountId: account.id, allocatedOn: day })),
    { transaction },
  );
  const paidBillIds = [...new Set([...fromBalance.paidBillIds, ...fromPayment.paidBillIds])];
  if (paidBillIds.length > 0)
    await Bill.update({ paidAt: appClock.now() }, { where: { id: { [Op.in]: paidBillIds } }, transaction });
  return {
    allocations: rows.map((row) => ({
      billId: row.billId,
      kind: row.kind,
      amountFen: row.amountFen,
      fromPrepayment: row.paymentId === null,
    })),
    paidBillIds,
    prepaymentChangeFen: fromPayment.leftFen - spentFromBalance,
  };
}
