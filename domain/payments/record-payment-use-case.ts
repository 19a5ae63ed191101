/**
 * Recording a payment at the counter (docs/business-rules.md §7.1): under a lock on the case, a payment beyond what
 * is still due is refused unless the clerk marks it as a prepayment; each payment gets a receipt number
 * (SJ<yyyymmdd>-<nnnn>). Once the payments reach what is due, the process hears of it. With an Idempotency-Key a
 * retried request records nothing twice, even after a crash between the payment and the message.
 */
import { appClock } from '../../lib/clock/app-clock';
import { AppError } from '../../lib/errors/app-error';
import { parseInput } from '../../lib/validation/parse-input';
import { recordAudit } from '../audit';
import type { DomainServices } from '../domain-services';
import { createOnce, type Answer } from '../idempotency';
import { nextNumber } from '../numbering';
import { balance, paidSoFar, paymentView, yuan } from './payment-balance';
import type { PaymentActor } from './payment-actor';
import type { PaymentBook } from './payment-book';
import { paymentInput } from './payment-input';

export const RECEIPT_PREFIX = 'SJ';

function overpaid(leftFen: number): AppError {
  const left = yuan(Math.max(leftFen, 0));
  return new AppError(
    409,
    'OVERPAID',
    `缴费金额超过应缴余额 ${left} 元；如客户预缴，请注明 prepayment: true / the payment exceeds the ${left} yuan still due: send prepayment: true to take it as a prepayment`,
    { leftFen: Math.max(leftFen, 0) },
  );
}

export async function recordPayment(
  services: Pick<DomainServices, 'sequelize' | 'camunda'>,
  book: PaymentBook,
  applicationNo: string,
  body: unknown,
  actor: PaymentActor & { idempotencyKey: string | undefined },
): Promise<Answer> {
  const input = parseInput(paymentInput, body, '缴费');
  const target = `case:${applicationNo}`;
  const request = {
    key: actor.idempotencyKey,
    login: actor.login,
    scope: `POST /${book.caseKind}/applications/${applicationNo}/payments`,
    body: input,
  };
  try {
    const answer = await createOnce(services.sequelize, request, {
      // Every check is made under the case's lock, in the save.
      prepare: async () => undefined,
      save: async (transaction) => {
        await book.lockOpenCase(applicationNo, transaction);
        const leftFen =
          (await book.dueFen(applicationNo, transaction)) - (await paidSoFar(book, applicationNo, transaction));
        if (input.amountFen > leftFen && !input.prepayment) throw overpaid(leftFen);
        const payment = await book.ledger.create(
          {
            applicationNo,
            amountFen: input.amountFen,
            method: input.method,
            paidAt: appClock.now(),
            recordedBy: actor.login,
            receiptNo: await nextNumber(RECEIPT_PREFIX, transaction),
            prepaymentFen: input.amountFen > leftFen ? input.amountFen - Math.max(leftFen, 0) : null,
            refundOf: null,
          },
          { transaction },
        );
        return String(payment.id);
      },
      finish: async (reference) => {
        const payment = (await book.ledger.findByPk(Number(reference)))!;
        const after = balance(await book.dueFen(applicationNo), await paidSoFar(book, applicationNo));
        if (after.settled) await notify(services, book, applicationNo, after.paidFen);
        return { status: 201, body: { payment: paymentView(payment), ...after } };
      },
    });
    const { payment } = answer.body as { payment: { receiptNo: string; amountFen: number } };
    await recordAudit({
      actor: actor.login,
      action: 'payment.record',
      target,
      address: actor.address,
      detail: { receiptNo: payment.receiptNo, amountFen: payment.amountFen, method: input.method },
    });
    return answer;
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'ERROR';
    const outcome = error instanceof AppError && error.status < 500 ? 'refused' : 'failed';
    await recordAudit({
      actor: actor.login,
      action: 'payment.record',
      target,
      address: actor.address,
      outcome,
      detail: { code, amountFen: input.amountFen },
    });
    throw error;
  }
}

async function notify(
  services: Pick<DomainServices, 'camunda'>,
  book: PaymentBook,
  applicationNo: string,
  paidFen: number,
): Promise<void> {
  try {
    await book.notifySettled(services, applicationNo, paidFen);
  } catch (error) {
    throw new AppError(
      503,
      'PROCESS_NOT_NOTIFIED',
      `缴费已记录，但流程未收到结清通知，请用同一 Idempotency-Key 重试 / the payment is recorded but the process was not told: retry with the same Idempotency-Key (${String(error)})`,
    );
  }
}
