/**
 * What the shared payment code needs of an area whose cases take payments (业扩 fees, the change-of-use works fee):
 * its payment table, how to lock a case and read what is due, who pays, and how to tell its process the fees are
 * paid. Each area hands its book to the routes; the rules (overpayment, prepayment, receipts, refunds) are one.
 */
import type { Model, ModelStatic, Transaction } from 'sequelize';
import type { DomainServices } from '../domain-services';

export type CaseKind = 'business-expansion' | 'change-of-use';

/** A row of an area's payment table (be_payments, change_payments: the same columns). */
export interface LedgerPayment extends Model {
  id: number;
  applicationNo: string;
  /** Negative on the row an approved refund or reversal adds. */
  amountFen: number;
  method: string;
  paidAt: Date;
  recordedBy: string;
  receiptNo: string | null;
  prepaymentFen: number | null;
  refundOf: number | null;
}

export interface PaymentBook {
  caseKind: CaseKind;
  /** What the case is called in messages, e.g. `业扩申请 / application`. */
  caseName: string;
  ledger: ModelStatic<LedgerPayment>;
  /** Locks the case for the transaction; throws when it takes no payment now (not found, ended, nothing due yet). */
  lockOpenCase(applicationNo: string, transaction: Transaction): Promise<void>;
  /** What the case's fees come to, in fen. */
  dueFen(applicationNo: string, transaction?: Transaction): Promise<number>;
  /** The case's customer, printed on the receipt. */
  payer(applicationNo: string): Promise<{ customerId: number; name: string }>;
  /** Once the payments reach what is due: ends the process's wait. Safe to repeat (the message has an id). */
  notifySettled(services: Pick<DomainServices, 'camunda'>, applicationNo: string, paidFen: number): Promise<void>;
}
