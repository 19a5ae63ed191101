/**
 * An account's balance and arrears as a cashier or collector sees them today: its open bills with the days overdue
 * and the penalty accrued to today (computed from the rules and the days), the totals, the prepayment balance, the
 * latest payments and its arrears case.
 */
import { Op } from 'sequelize';
import { ArrearsCase, BillPayment } from '../../db/collection/collection-models';
import { Account, Customer } from '../../db/core/customer-models';
import { notFound } from '../../lib/errors/app-error';
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { requireInScope, scopeWhere, type ScopeUser } from '../users';
import { openBills, prepaymentBalance } from './account-ledger';
import { OPEN_CASE_STATES } from './arrears-settled';
import { accountNamed, paymentView } from './record-payment-use-case';

export async function accountArrears(accountNo: string) {
  const account = await accountNamed(accountNo);
  const day = chinaDayOf(appClock.now());
  const [bills, prepaymentFen, payments, customer, arrearsCase] = await Promise.all([
    openBills(account, day),
    prepaymentBalance(account.id),
    BillPayment.findAll({ where: { accountId: account.id }, order: [['id', 'DESC']], limit: 50 }),
    Customer.findByPk(account.customerId),
    ArrearsCase.findOne({ where: { accountId: account.id }, order: [['id', 'DESC']] }),
  ]);
  const overdue = bills.filter((bill) => bill.dueDate < day);
  const sum = (rows: typeof bills, pick: (bill: (typeof bills)[number]) => number) =>
    rows.reduce((total, bill) => total + pick(bill), 0);
  return {
    accountNo: account.accountNo,
    accountId: account.id,
    customerName: customer?.name ?? null,
    category: account.category,
    day,
    bills: bills.map((bill) => ({ ...bill, overdue: bill.dueDate < day })),
    owedFen: sum(bills, (bill) => bill.principalLeftFen + bill.penaltyLeftFen),
    overdueFen: sum(overdue, (bill) => bill.principalLeftFen),
    penaltyFen: sum(overdue, (bill) => bill.penaltyLeftFen),
    prepaymentFen,
    payments: payments.map(paymentView),
    arrearsCase: arrearsCase && {
      caseNo: arrearsCase.caseNo,
      status: arrearsCase.status,
      open: OPEN_CASE_STATES.includes(arrearsCase.status),
      cutPlannedAt: arrearsCase.cutPlannedAt,
      disconnectedAt: arrearsCase.disconnectedAt,
      settledAt: arrearsCase.settledAt,
      reconnectedAt: arrearsCase.reconnectedAt,
    },
  };
}

/** An arrears case with what its account owes today (the penalty accrued to today). */
async function caseView(found: ArrearsCase) {
  const account = (await Account.findByPk(found.accountId))!;
  const owed = await accountArrears(account.accountNo);
  return {
    caseNo: found.caseNo,
    status: found.status,
    openedOn: found.openedOn,
    processInstanceKey: found.processInstanceKey,
    accountNo: account.accountNo,
    customerName: owed.customerName,
    overdueFen: owed.overdueFen,
    penaltyFen: owed.penaltyFen,
    remindedAt: found.remindedAt,
    noticeSentAt: found.noticeSentAt,
    cutPlannedAt: found.cutPlannedAt,
    disconnectedAt: found.disconnectedAt,
    settledAt: found.settledAt,
    reconnectedAt: found.reconnectedAt,
  };
}

/** The arrears cases of the reader's units (the open ones unless a status is asked for), newest first. */
export async function arrearsCases(reader: ScopeUser, status: string | undefined) {
  const cases = await ArrearsCase.findAll({
    where: { ...(status ? { status } : { status: { [Op.in]: OPEN_CASE_STATES } }), ...(await scopeWhere(reader)) },
    order: [['id', 'DESC']],
    limit: 100,
  });
  return { items: await Promise.all(cases.map(caseView)) };
}

export async function arrearsCase(reader: ScopeUser, caseNo: string) {
  const found = await ArrearsCase.findOne({ where: { caseNo } });
  if (!found) throw notFound('欠费工单 / arrears case', caseNo);
  await requireInScope(reader, found.unitCode, '欠费工单 / arrears case', caseNo);
  return caseView(found);
}
