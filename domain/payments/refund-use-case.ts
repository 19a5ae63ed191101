/**
 * Refunds and reversals (docs/business-rules.md §7.2): the counter asks, with a reason; a manager other than the
 * one who asked approves (or rejects); only the approval changes what the case has paid, by a negative payment row
 * with a receipt number of its own. Every step is in the audit log.
 */
import { Op, type Transaction } from 'sequelize';
import { PaymentRefund } from '../../db/core/payment-ledger-models';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, conflict, notFound, validationError } from '../../lib/errors/app-error';
import { parseId, parseInput } from '../../lib/validation/parse-input';
import { recordAudit } from '../audit';
import { nextNumber } from '../numbering';
import { balance, paidSoFar, paymentView, yuan } from './payment-balance';
import type { PaymentActor } from './payment-actor';
import type { PaymentBook } from './payment-book';
import { decisionInput, refundInput } from './payment-input';
import { paymentOf } from './payment-lookup';
import { RECEIPT_PREFIX } from './record-payment-use-case';

/** What is left of a payment to refund: its amount less the refunds approved or waiting for approval. */
async function refundable(book: PaymentBook, paymentId: number, amountFen: number, transaction: Transaction) {
  const taken = await PaymentRefund.sum('amountFen', {
    where: { caseKind: book.caseKind, paymentId, status: { [Op.in]: ['pending', 'approved'] } },
    transaction,
  });
  return amountFen - Number(taken ?? 0);
}

export const refundView = (refund: PaymentRefund) => ({
  ...refund.get({ plain: true }),
  amountFen: Number(refund.amountFen),
});

/** A pending refund or reversal request, waiting for a second person's decision. */
export function createRefundRequest(
  request: Pick<PaymentRefund, 'caseKind' | 'applicationNo' | 'paymentId' | 'kind' | 'amountFen' | 'reason'>,
  actor: PaymentActor,
  transaction: Transaction,
): Promise<PaymentRefund> {
  return PaymentRefund.create(
    {
      ...request,
      status: 'pending',
      requestedBy: actor.login,
      requestedAt: appClock.now(),
      decidedBy: null,
      decidedAt: null,
      ledgerPaymentId: null,
    },
    { transaction },
  );
}

export async function requestRefund(
  book: PaymentBook,
  applicationNo: string,
  rawPaymentId: unknown,
  body: unknown,
  actor: PaymentActor,
) {
  const paymentId = parseId(rawPaymentId, '缴费 / payment');
  const input = parseInput(refundInput, body, '退费申请');
  const refund = await PaymentRefund.sequelize!.transaction(async (transaction) => {
    const payment = await paymentOf(book, applicationNo, paymentId, transaction);
    if (payment.refundOf !== null || Number(payment.amountFen) <= 0)
      throw conflict(`该行为退费记录，不能再退 / row ${paymentId} is itself a refund`);
    const pending = await PaymentRefund.findOne({
      where: { caseKind: book.caseKind, paymentId, status: 'pending' },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (pending) throw conflict(`该笔缴费已有待审批的退费申请 ${pending.id} / refund ${pending.id} awaits approval`);
    const leftFen = await refundable(book, paymentId, Number(payment.amountFen), transaction);
    const amountFen = input.kind === 'reversal' ? leftFen : (input.amountFen ?? leftFen);
    if (input.kind === 'reversal' && input.amountFen !== undefined && input.amountFen !== leftFen)
      throw validationError(`amountFen: 冲正须为整笔 ${yuan(leftFen)} 元 / a reversal takes back the whole payment`);
    if (leftFen <= 0 || amountFen > leftFen)
      throw new AppError(
        409,
        'REFUND_EXCEEDS_PAYMENT',
        `可退金额 ${yuan(leftFen)} 元 / at most ${yuan(leftFen)} yuan can be refunded`,
        { leftFen },
      );
    return createRefundRequest(
      { caseKind: book.caseKind, applicationNo, paymentId, kind: input.kind, amountFen, reason: input.reason },
      actor,
      transaction,
    );
  });
  await audit('payment.refund-request', actor, applicationNo, refund);
  return refundView(refund);
}

async function pendingRefund(
  book: PaymentBook,
  applicationNo: string,
  paymentId: number,
  refundId: number,
  transaction: Transaction,
) {
  const refund = await PaymentRefund.findOne({
    where: { id: refundId, caseKind: book.caseKind, applicationNo, paymentId },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (!refund) throw notFound('退费申请 / refund request', refundId);
  if (refund.status !== 'pending')
    throw conflict(
      `退费申请 ${refundId} 已${refund.status === 'approved' ? '批准' : '驳回'} / already ${refund.status}`,
    );
  return refund;
}

export function requireSecondPerson(refund: PaymentRefund, actor: PaymentActor): void {
  if (refund.requestedBy === actor.login)
    throw new AppError(
      403,
      'SECOND_PERSON_REQUIRED',
      '退费须由申请人以外的主管审批 / a manager other than the one who asked must decide',
    );
}

type RefundIds = { paymentId: unknown; refundId: unknown };

/**
 * A manager's decision on a pending refund: the ids and the comment read, the refund found and its deciding by a
 * second person checked inside the decision's transaction; a refusal is audited as well (docs/business-rules.md §7.2).
 */
async function decideRefund<T>(
  book: PaymentBook,
  applicationNo: string,
  ids: RefundIds,
  body: unknown,
  actor: PaymentActor,
  action: string,
  decide: (refund: PaymentRefund, paymentId: number, transaction: Transaction) => Promise<T>,
): Promise<{ result: T; comment: string | undefined }> {
  const paymentId = parseId(ids.paymentId, '缴费 / payment');
  const refundId = parseId(ids.refundId, '退费申请 / refund');
  const { comment } = parseInput(decisionInput, body ?? {}, '审批');
  try {
    const result = await PaymentRefund.sequelize!.transaction(async (transaction) => {
      const refund = await pendingRefund(book, applicationNo, paymentId, refundId, transaction);
      requireSecondPerson(refund, actor);
      return decide(refund, paymentId, transaction);
    });
    return { result, comment };
  } catch (error) {
    await auditRefusal(error, action, `case:${applicationNo}`, actor, { refundId });
    throw error;
  }
}

/** A decision refused to its maker (403: not a second person) is written to the audit log too. */
export async function auditRefusal(
  error: unknown,
  action: string,
  target: string,
  actor: PaymentActor,
  detail: Record<string, unknown>,
): Promise<void> {
  if (error instanceof AppError && error.status === 403)
    await recordAudit({
      actor: actor.login,
      action,
      target,
      address: actor.address,
      outcome: 'refused',
      detail: { ...detail, code: error.code },
    });
}

export async function approveRefund(
  book: PaymentBook,
  applicationNo: string,
  ids: RefundIds,
  body: unknown,
  actor: PaymentActor,
) {
  const action = 'payment.refund-approve';
  const { result, comment } = await decideRefund(
    book,
    applicationNo,
    ids,
    body,
    actor,
    action,
    async (refund, paymentId, transaction) => {
      const payment = await paymentOf(book, applicationNo, paymentId, transaction);
      const row = await book.ledger.create(
        {
          applicationNo,
          amountFen: -Number(refund.amountFen),
          method: payment.method,
          paidAt: appClock.now(),
          recordedBy: actor.login,
          receiptNo: await nextNumber(RECEIPT_PREFIX, transaction),
          prepaymentFen: null,
          refundOf: payment.id,
        },
        { transaction },
      );
      await refund.update(
        { status: 'approved', decidedBy: actor.login, decidedAt: appClock.now(), ledgerPaymentId: row.id },
        { transaction },
      );
      return { refund, row };
    },
  );
  const { refund, row } = result;
  await audit(action, actor, applicationNo, refund, { receiptNo: row.receiptNo, comment });
  const after = balance(await book.dueFen(applicationNo), await paidSoFar(book, applicationNo));
  return { refund: refundView(refund), ledgerRow: paymentView(row), ...after };
}

export async function rejectRefund(
  book: PaymentBook,
  applicationNo: string,
  ids: RefundIds,
  body: unknown,
  actor: PaymentActor,
) {
  const action = 'payment.refund-reject';
  const { result: refund, comment } = await decideRefund(
    book,
    applicationNo,
    ids,
    body,
    actor,
    action,
    (pending, _paymentId, transaction) =>
      pending.update({ status: 'rejected', decidedBy: actor.login, decidedAt: appClock.now() }, { transaction }),
  );
  await audit(action, actor, applicationNo, refund, { comment });
  return refundView(refund);
}

async function audit(action: string, actor: PaymentActor, applicationNo: string, refund: PaymentRefund, more = {}) {
  await recordAudit({
    actor: actor.login,
    action,
    target: `case:${applicationNo}`,
    address: actor.address,
    detail: {
      refundId: refund.id,
      paymentId: refund.paymentId,
      kind: refund.kind,
      amountFen: Number(refund.amountFen),
      reason: refund.reason,
      ...more,
    },
  });
}
