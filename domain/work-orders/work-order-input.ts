/** What the API accepts for a new work order, an urging and a supervision. */
import { z } from '../../lib/validation/zh-error-map';
import {
  AREA_TYPES,
  CHANNELS,
  ORDER_TYPE_CODES,
  ORDER_TYPES,
  PHONE_PATTERN,
  URGENCIES,
  subTypeAllowed,
} from './work-order-types';

const text = (max: number) => z.string().trim().min(1).max(max);

export const createOrderInput = z
  .object({
    channel: z.enum(CHANNELS),
    orderType: z.enum(ORDER_TYPE_CODES),
    subType: z.string().trim().min(1).max(32).optional(),
    urgency: z.enum(URGENCIES).default('normal'),
    customerName: text(64),
    phone: z
      .string({ required_error: '联系电话必填 / phone is required' })
      .trim()
      .regex(PHONE_PATTERN, '电话号码格式不正确（手机或带区号的固话）/ not a Chinese mobile or landline number'),
    area: text(32),
    areaType: z.enum(AREA_TYPES).optional(),
    address: text(255),
    content: text(2000),
    accountNo: z.string().trim().min(1).max(32).optional(),
    /** Urging orders: the order the customer urges. */
    relatedOrderNo: z.string().trim().min(1).max(32).optional(),
  })
  .superRefine((input, context) => {
    if (!subTypeAllowed(input.orderType, input.subType))
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['subType'],
        message: `${ORDER_TYPES[input.orderType].name}的业务子类应为 / subType must be one of: ${ORDER_TYPES[input.orderType].subTypes.join(', ') || '(none)'}`,
      });
    if (input.orderType === 'urging' && !input.relatedOrderNo)
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['relatedOrderNo'],
        message: '催办单须填写被催办的工单编号 / an urging needs the urged order number',
      });
  });

export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const urgeInput = z.object({ content: z.string().trim().max(500).default('客户来电催办') });
export const superviseInput = z.object({ comment: text(500) });

export const listInput = z.object({
  type: z.enum(ORDER_TYPE_CODES).optional(),
  state: z.string().max(16).optional(),
  unit: z.string().max(64).optional(),
  phone: z.string().max(32).optional(),
  from: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  to: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
});
