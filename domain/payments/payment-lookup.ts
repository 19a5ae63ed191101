/** A payment of a case, found by its id in the case's own payment table. */
import type { Transaction } from 'sequelize';
import { notFound } from '../../lib/errors/app-error';
import type { LedgerPayment, PaymentBook } from './payment-book';

export async function paymentOf(
  book: PaymentBook,
  applicationNo: string,
  paymentId: number,
  transaction?: Transaction,
): Promise<LedgerPayment> {
  const payment = await book.ledger.findOne({ where: { id: paymentId, applicationNo }, transaction });
  if (!payment) throw notFound(`${applicationNo} 的缴费 / payment of ${applicationNo}`, paymentId);
  return payment;
}
