/** What the counter sends to record a payment or to ask for a refund or a reversal of one. */
import { z } from '../../lib/validation/zh-error-map';

export const paymentInput = z
  .object({
    amountFen: z.number().int().positive().max(1_000_000_000),
    method: z.enum(['counter', 'bank-transfer', 'wechat', 'alipay']),
    /** Takes more than is still due as an explicit prepayment (预缴); without it, more than is due is refused. */
    prepayment: z.boolean().optional(),
  })
  .strict();
export type PaymentInput = z.infer<typeof paymentInput>;

export const refundInput = z
  .object({
    reason: z.string().trim().min(2).max(500),
    /** refund: money back to the customer (may be part); reversal (冲正): the payment was recorded in error (whole). */
    kind: z.enum(['refund', 'reversal']).default('refund'),
    /** A refund's amount; the whole of what is left of the payment when left out. */
    amountFen: z.number().int().positive().max(1_000_000_000).optional(),
  })
  .strict();
export type RefundInput = z.infer<typeof refundInput>;

export const decisionInput = z.object({ comment: z.string().trim().max(500).optional() }).strict();
