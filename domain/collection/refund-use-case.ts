/**
 * Reversals (冲正) and refunds of bill payments, on the shared refund requests (payment_refunds, case kind
 * 'billing', the account number in place of a case number) and their rule: a cashier asks with a reason, a billing
 * supervisor other than the one who asked decides (decision 0024). The approval adds a negative payment row with its
 * own receipt; a reversal also cancels the payment's allocations (a bill it paid is open again), a refund takes the
 * money out of the prepayment balance, the only money an account holds beyond its bills (decision 0056).
 */
import { Op, type Transaction } from 'sequelize';
import { BillPayment, PaymentAllocation } from '../../db/collection/collection-models';
import { Bill } from '../../db/core/customer-models';
import { PaymentRefund } from '../../db/core/payment-ledger-models';
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, conflict, notFound } from '../../lib/errors/app-error';
import { parseId, parseInput } from '../../lib/validation/parse-input';
import { recordAudit } from '../audit';
import { nextNumber } from '../numbering';
import {
  RECEIPT_PREFIX,
  auditRefusal,
  createRefundRequest,
  decisionInput,
  refundInput,
  refundView,
  requireSecondPerson,
  yuan,
  type PaymentActor,
} from '../payments';
import { accountById, prepaymentBalance } from './account-ledger';
import { paymentView } from './record-payment-use-case';

export const BILLING_CASE_KIND = 'billing';

async function paymentFor(paymentId: number, transaction: Transaction): Promise<BillPayment> {
  const payment = await BillPayment.findByPk(paymentId, { transaction });
  if (!payment) throw notFound('缴费 / payment', paymentId);
  return payment;
}

/** What the payment put into the prepayment balance, less what reversals took back. */
async function prepaidBy(paymentId: number, transaction: Transaction): Promise<number> {
  const sum = await PaymentAllocation.sum('amountFen', { where: { paymentId, kind: 'prepayment' }, transaction });
  return Number(sum ?? 0);
}

export async function requestBillRefund(rawPaymentId: unknown, body: unknown, actor: PaymentActor) {
  const paymentId = parseId(rawPaymentId, '缴费 / payment');
  const input = parseInput(refundInput, body, '冲正/退费申请');
  const refund = await PaymentRefund.sequelize!.transaction(async (transaction) => {
    const payment = await paymentFor(paymentId, transaction);
    const account = await accountById(payment.accountId, transaction, true);
    if (payment.refundOf !== null || payment.amountFen <= 0)
      throw conflict(`该行为冲正或退费记录 / row ${paymentId} is itself a reversal or refund`);
    const taken = await PaymentRefund.count({
      where: { caseKind: BILLING_CASE_KIND, paymentId, status: { [Op.in]: ['pending', 'approved'] } },
      transaction,
    });
    if (taken > 0) throw conflict(`该笔缴费已有冲正或退费申请 / payment ${paymentId} already has a request`);
    const balance = await prepaymentBalance(account.id, transaction);
    const amountFen = input.kind === 'reversal' ? payment.amountFen : (input.amountFen ?? balance);
    if (input.kind === 'refund' && (amountFen <= 0 || amountFen > balance))
      throw new AppError(
        409,
        'REFUND_EXCEEDS_PREPAYMENT',
        `可退预存余额 ${yuan(balance)} 元 / at most the prepayment balance of ${yuan(balance)} yuan can be refunded`,
        { balanceFen: balance },
      );
    return createRefundRequest(
      {
        caseKind: BILLING_CASE_KIND,
        applicationNo: account.accountNo,
        paymentId,
        kind: input.kind,
        amountFen,
        reason: input.reason,
      },
      actor,
      transaction,
    );
  });
  await audit('bill-payment.refund-request', actor, refund);
  return refundView(refund);
}

async function pendingRequest(refundId: number, transaction: Transaction): Promise<PaymentRefund> {
  const refund = await PaymentRefund.findOne({
    where: { id: refundId, caseKind: BILLING_CASE_KIND },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (!refund) throw notFound('冲正/退费申请 / request', refundId);
  if (refund.status !== 'pending') throw conflict(`申请 ${refundId} 已${refund.status} / already ${refund.status}`);
  return refund;
}

/** A reversal: every allocation of the payment cancelled by a negative one; a bill it had paid is open again. */
async function cancelAllocations(payment: BillPayment, reversal: BillPayment, day: string, transaction: Transaction) {
  const rows = await PaymentAllocation.findAll({ where: { paymentId: payment.id, reverses: null }, transaction });
  const prepaid = await prepaidBy(payment.id, transaction);
  if (prepaid > (await prepaymentBalance(payment.accountId, transaction)))
    throw new AppError(
      409,
      'PREPAYMENT_SPENT',
      '该笔缴费的预存部分已被使用，不能整笔冲正 / the prepaid part of this payment has been spent',
    );
  await PaymentAllocation.bulkCreate(
    rows.map((row) => ({
      accountId: row.accountId,
      paymentId: reversal.id,
      billId: row.billId,
      kind: row.kind,
      amountFen: -row.amountFen,
      allocatedOn: day,
      reverses: row.id,
    })),
    { transaction },
  );
  const billIds = [...new Set(rows.flatMap((row) => (row.billId === null ? [] : [row.billId])))];
  if (billIds.length > 0) await Bill.update({ paidAt: null }, { where: { id: { [Op.in]: billIds } }, transaction });
}

export async function decideBillRefund(rawRefundId: unknown, body: unknown, actor: PaymentActor, approve: boolean) {
  const refundId = parseId(rawRefundId, '冲正/退费申请 / request');
  const { comment } = parseInput(decisionInput, body ?? {}, '审批');
  const action = approve ? 'bill-payment.refund-approve' : 'bill-payment.refund-reject';
  try {
    const outcome = await PaymentRefund.sequelize!.transaction(async (transaction) => {
      const refund = await pendingRequest(refundId, transaction);
      requireSecondPerson(refund, actor);
      const decided = { decidedBy: actor.login, decidedAt: appClock.now() };
      if (!approve) return { refund: await refund.update({ ...decided, status: 'rejected' }, { transaction }) };
      const payment = await paymentFor(refund.paymentId, transaction);
      await accountById(payment.accountId, transaction, true);
      const day = chinaDayOf(appClock.now());
      const row = await BillPayment.create(
        {
          accountId: payment.accountId,
          amountFen: -Number(refund.amountFen),
          channel: payment.channel,
          method: payment.method,
          paidOn: day,
          paidAt: appClock.now(),
          recordedBy: actor.login,
          receiptNo: await nextNumber(RECEIPT_PREFIX, transaction),
          refundOf: payment.id,
        },
        { transaction },
      );
      if (refund.kind === 'reversal') await cancelAllocations(payment, row, day, transaction);
      else {
        if (Number(refund.amountFen) > (await prepaymentBalance(payment.accountId, transaction)))
          throw new AppError(
            409,
            'REFUND_EXCEEDS_PREPAYMENT',
            '预存余额不足 / the prepayment balance no longer covers it',
          );
        await PaymentAllocation.create(
          {
            accountId: payment.accountId,
            paymentId: row.id,
            billId: null,
            kind: 'prepayment',
            amountFen: -Number(refund.amountFen),
            allocatedOn: day,
          },
          { transaction },
        );
      }
      await refund.update({ ...decided, status: 'approved', ledgerPaymentId: row.id }, { transaction });
      return { refund, ledgerRow: paymentView(row) };
    });
    await audit(action, actor, outcome.refund, { comment });
    return { refund: refundView(outcome.refund), ...('ledgerRow' in outcome ? { ledgerRow: outcome.ledgerRow } : {}) };
  } catch (error) {
    await auditRefusal(error, action, `refund:${refundId}`, actor, {});
    throw error;
  }
}

export async function listBillRefunds(status: string | undefined) {
  const rows = await PaymentRefund.findAll({
    where: { caseKind: BILLING_CASE_KIND, ...(status ? { status } : {}) },
    order: [['id', 'DESC']],
    limit: 200,
  });
  return { items: rows.map(refundView) };
}

async function audit(action: string, actor: PaymentActor, refund: PaymentRefund, more = {}) {
  await recordAudit({
    actor: actor.login,
    action,
    target: `account:${refund.applicationNo}`,
    address: actor.address,
    detail: {
      refundId: refund.id,
      paymentId: refund.paymentId,
      kind: refund.kind,
      amountFen: Number(refund.amountFen),
      ...more,
    },
  });
}
