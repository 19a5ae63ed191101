/**
 * A payment's receipt (收据) as JSON: its number, the case and its customer, the amount in fen and in yuan, how and
 * when it was paid and by whose hand, the prepaid part, and the refunds asked for or made against it. The printable
 * form is the web app's.
 */
import { PaymentRefund } from '../../db/core/payment-ledger-models';
import { parseId } from '../../lib/validation/parse-input';
import { paymentView, yuan } from './payment-balance';
import type { PaymentBook } from './payment-book';
import { paymentOf } from './payment-lookup';

export async function paymentReceipt(book: PaymentBook, applicationNo: string, rawPaymentId: unknown) {
  const payment = paymentView(await paymentOf(book, applicationNo, parseId(rawPaymentId, '缴费 / payment')));
  const [payer, refunds] = await Promise.all([
    book.payer(applicationNo),
    PaymentRefund.findAll({ where: { caseKind: book.caseKind, paymentId: payment.id }, order: [['id', 'ASC']] }),
  ]);
  return {
    ...payment,
    caseKind: book.caseKind,
    payer,
    amountYuan: yuan(payment.amountFen),
    refunds: refunds.map((refund) => ({
      id: refund.id,
      kind: refund.kind,
      amountFen: Number(refund.amountFen),
      reason: refund.reason,
      status: refund.status,
      requestedBy: refund.requestedBy,
      decidedBy: refund.decidedBy,
    })),
  };
}
