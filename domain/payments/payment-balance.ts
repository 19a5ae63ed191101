/** What a case has paid: the sum of its payment rows, refunds' and reversals' negative rows included. */
import type { Transaction } from 'sequelize';
import type { LedgerPayment, PaymentBook } from './payment-book';

export const yuan = (fen: number): string => (fen / 100).toFixed(2);

export async function paidSoFar(book: PaymentBook, applicationNo: string, transaction?: Transaction): Promise<number> {
  return Number((await book.ledger.sum('amountFen', { where: { applicationNo }, transaction })) ?? 0);
}

export interface Balance {
  dueFen: number;
  paidFen: number;
  settled: boolean;
}

export const balance = (dueFen: number, paidFen: number): Balance => ({
  dueFen,
  paidFen,
  settled: dueFen > 0 && paidFen >= dueFen,
});

/** The payment as the API shows it (amounts as numbers on every database). */
export const paymentView = (payment: LedgerPayment) => ({
  id: payment.id,
  applicationNo: payment.applicationNo,
  amountFen: Number(payment.amountFen),
  method: payment.method,
  paidAt: payment.paidAt,
  recordedBy: payment.recordedBy,
  receiptNo: payment.receiptNo,
  prepaymentFen: payment.prepaymentFen === null ? null : Number(payment.prepaymentFen),
  refundOf: payment.refundOf,
});
