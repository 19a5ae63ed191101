/** What a cashier or the customer app sends to pay an account's bills. */
import { z } from '../../lib/validation/zh-error-map';

const amountFen = z.number().int().positive().max(1_000_000_000);

export const counterPaymentInput = z
  .object({
    accountNo: z.string().trim().min(1).max(32),
    amountFen,
    method: z.enum(['cash', 'card', 'wechat', 'alipay', 'cheque']),
  })
  .strict();

export const appPaymentInput = z
  .object({
    accountNo: z.string().trim().min(1).max(32),
    amountFen,
    method: z.enum(['wechat', 'alipay', 'card']),
    /** The app's own transaction number: a second payment with it is refused. */
    transactionNo: z.string().trim().min(1).max(64),
  })
  .strict();

export type Channel = 'counter' | 'bank' | 'app';
