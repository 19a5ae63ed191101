/**
 * A payment of an account's bills at the counter or from the customer app (decision 0056): under a lock on the
 * account, the payment row with its receipt number, then its allocation (prepayment first, oldest bill first,
 * penalty before principal, the surplus to the prepayment balance). After the commit an open arrears case whose
 * overdue bills are now paid hears of it. With an Idempotency-Key a retried request records nothing twice
 * (decision 0024).
 */
import type { Transaction } from 'sequelize';
import { BillPayment, PaymentAllocation } from '../../db/collection/collection-models';
import { Account } from '../../db/core/customer-models';
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, notFound } from '../../lib/errors/app-error';
import { parseInput } from '../../lib/validation/parse-input';
import { recordAudit } from '../audit';
import type { DomainServices } from '../domain-services';
import { createOnce, type Answer } from '../idempotency';
import { nextNumber } from '../numbering';
import type { PaymentActor } from '../payments';
import { RECEIPT_PREFIX } from '../payments';
import { accountById } from './account-ledger';
import { applyMoney, type Applied } from './apply-money';
import { notifyArrearsSettled } from './arrears-settled';
import { appPaymentInput, counterPaymentInput, type Channel } from './payment-input';

export interface NewPayment {
  accountId: number;
  amountFen: number;
  channel: Channel;
  method: string;
  externalRef: string | null;
  bankImportId: number | null;
  paidOn: string;
}

/** Records and applies one payment inside the caller's transaction. */
export async function takePayment(
  payment: NewPayment,
  login: string,
  transaction: Transaction,
): Promise<{ payment: BillPayment; applied: Applied }> {
  const account = await accountById(payment.accountId, transaction, true);
  if (payment.externalRef !== null) {
    const seen = await BillPayment.count({
      where: { channel: payment.channel, externalRef: payment.externalRef },
      transaction,
    });
    if (seen > 0)
      throw new AppError(
        409,
        'PAYMENT_ALREADY_RECORDED',
        `交易号 ${payment.externalRef} 已入账 / transaction ${payment.externalRef} is already recorded`,
      );
  }
  const row = await BillPayment.create(
    {
      ...payment,
      paidAt: appClock.now(),
      recordedBy: login,
      receiptNo: await nextNumber(RECEIPT_PREFIX, transaction),
      refundOf: null,
    },
    { transaction },
  );
  return { payment: row, applied: await applyMoney(account, payment.paidOn, row, transaction) };
}

export async function accountNamed(accountNo: string, transaction?: Transaction): Promise<Account> {
  const account = await Account.findOne({ where: { accountNo }, transaction });
  if (!account) throw notFound('用电户 / account', accountNo);
  return account;
}

export const paymentView = (payment: BillPayment) => ({
  id: payment.id,
  accountId: payment.accountId,
  amountFen: payment.amountFen,
  channel: payment.channel,
  method: payment.method,
  paidOn: payment.paidOn,
  paidAt: payment.paidAt,
  receiptNo: payment.receiptNo,
  externalRef: payment.externalRef,
  recordedBy: payment.recordedBy,
  refundOf: payment.refundOf,
});

export async function recordBillPayment(
  services: Pick<DomainServices, 'sequelize' | 'camunda'>,
  channel: 'counter' | 'app',
  body: unknown,
  actor: PaymentActor & { idempotencyKey: string | undefined },
): Promise<Answer> {
  const input =
    channel === 'counter'
      ? { ...parseInput(counterPaymentInput, body, '缴费'), transactionNo: undefined }
      : parseInput(appPaymentInput, body, '缴费');
  const request = {
    key: actor.idempotencyKey,
    login: actor.login,
    scope: `POST /collection/${channel}/payments`,
    body: input,
  };
  const answer = await createOnce(services.sequelize, request, {
    prepare: async () => accountNamed(input.accountNo),
    save: async (transaction, account) => {
      const { payment } = await takePayment(
        {
          accountId: account.id,
          amountFen: input.amountFen,
          channel,
          method: input.method,
          externalRef: input.transactionNo ?? null,
          bankImportId: null,
          paidOn: chinaDayOf(appClock.now()),
        },
        actor.login,
        transaction,
      );
      return String(payment.id);
    },
    finish: async (reference) => {
      const payment = (await BillPayment.findByPk(Number(reference)))!;
      await notifyArrearsSettled(services, payment.accountId);
      return { status: 201, body: await paymentAnswer(payment) };
    },
  });
  await recordAudit({
    actor: actor.login,
    action: 'bill-payment.record',
    target: `account:${input.accountNo}`,
    address: actor.address,
    detail: { channel, amountFen: input.amountFen, method: input.method },
  });
  return answer;
}

/** The payment with where its money went, as the receipt shows it. */
export async function paymentAnswer(payment: BillPayment) {
  const allocations = await PaymentAllocation.findAll({ where: { paymentId: payment.id }, order: [['id', 'ASC']] });
  const account = await accountById(payment.accountId);
  return {
    payment: paymentView(payment),
    accountNo: account.accountNo,
    allocations: allocations.map((row) => ({ billId: row.billId, kind: row.kind, amountFen: row.amountFen })),
  };
}
