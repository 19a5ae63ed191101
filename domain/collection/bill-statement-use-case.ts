/**
 * A bill as the bill screen shows it (电费账单): its lines and corrections (billing's bill detail), the account and
 * customer (phone masked, decision 0025), the tariff terms the period was billed on, why the review flagged it, what
 * is still owed today with the penalty accrued so far, and the payments applied to it. And an account's bills found
 * by its number.
 */
import { BillFlag } from '../../db/billing/run-models';
import { BillCorrection } from '../../db/billing/tariff-models';
import { BillPayment, PaymentAllocation } from '../../db/collection/collection-models';
import { Customer, type Account } from '../../db/core/customer-models';
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { maskPii } from '../../lib/privacy/mask-pii';
import { accountBills, billDetail, tariffOfPeriod } from '../billing';
import { accountById, openBills } from './account-ledger';
import { accountNamed } from './record-payment-use-case';

async function holderOf(account: Account) {
  const customer = await Customer.findByPk(account.customerId);
  return {
    accountId: account.id,
    accountNo: account.accountNo,
    category: account.category,
    address: account.address,
    customer: customer && maskPii({ customerNo: customer.customerNo, name: customer.name, phone: customer.phone }),
  };
}

export async function billStatement(billId: number) {
  const bill = await billDetail(billId);
  const account = await accountById(bill.accountId);
  const [holder, tariff, flag, allocations, open, corrections] = await Promise.all([
    holderOf(account),
    tariffOfPeriod(account.id, bill.period),
    BillFlag.findOne({ where: { billId } }),
    PaymentAllocation.findAll({ where: { billId }, order: [['id', 'ASC']] }),
    openBills(account, chinaDayOf(appClock.now())),
    BillCorrection.findAll({ where: { billId }, attributes: ['id', 'reason'] }),
  ]);
  const reasons = new Map(corrections.map((correction) => [correction.id, correction.reason]));
  const paymentIds = allocations.flatMap((row) => (row.paymentId === null ? [] : [row.paymentId]));
  const payments = new Map(
    (await BillPayment.findAll({ where: { id: paymentIds } })).map((payment) => [payment.id, payment]),
  );
  const owed = open.find((row) => row.billId === billId);
  return {
    ...bill,
    ...holder,
    // A correction's line says why, as the correction asked for it.
    lines: bill.lines.map((line) => ({
      ...line,
      correctionReason: line.correctionId === null ? null : (reasons.get(line.correctionId) ?? null),
    })),
    tariff,
    flagReasons: flag?.reasons ?? [],
    paid: bill.paidAt !== null,
    principalLeftFen: owed?.principalLeftFen ?? (bill.paidAt === null ? bill.amountFen : 0),
    overdueDays: owed?.overdueDays ?? 0,
    penaltyFen: owed?.penaltyLeftFen ?? 0,
    allocations: allocations.map((row) => {
      const payment = row.paymentId === null ? undefined : payments.get(row.paymentId);
      return {
        id: row.id,
        kind: row.kind,
        amountFen: row.amountFen,
        allocatedOn: row.allocatedOn,
        reverses: row.reverses,
        payment: payment
          ? { receiptNo: payment.receiptNo, channel: payment.channel, method: payment.method, paidOn: payment.paidOn }
          : null,
      };
    }),
  };
}

export async function accountBillsByNo(accountNo: string) {
  const account = await accountNamed(accountNo);
  const [holder, bills] = await Promise.all([holderOf(account), accountBills(account.id)]);
  return { ...holder, items: bills.items };
}
