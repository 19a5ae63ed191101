/**
 * Payments of any case that takes them (业扩 fees, the change-of-use works fee): recording with receipts and
 * prepayments, refunds and reversals with a second person's approval, receipts. An area supplies its PaymentBook.
 */
export type { CaseKind, LedgerPayment, PaymentBook } from './payment-book';
export type { PaymentActor } from './payment-actor';
export { decisionInput, paymentInput, refundInput, type PaymentInput } from './payment-input';
export { balance, paidSoFar, yuan, type Balance } from './payment-balance';
export { RECEIPT_PREFIX, recordPayment } from './record-payment-use-case';
export {
  approveRefund,
  auditRefusal,
  createRefundRequest,
  refundView,
  rejectRefund,
  requestRefund,
  requireSecondPerson,
} from './refund-use-case';
export { paymentReceipt } from './receipt-use-case';
