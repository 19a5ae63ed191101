/** What a 业扩 application carries (POST /api/business-expansion/applications and `submitApplication`). */
import { z } from '../../lib/validation/zh-error-map';
import { customerInput } from '../customers';
import { DOCUMENT_KINDS, type DocumentKind } from './required-documents';

const documentKinds = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

export const documentInput = z.object({
  kind: z.enum(documentKinds),
  name: z.string().trim().min(1).max(255),
});

export const applicationInput = z
  .object({
    customerId: z.number().int().positive().optional(),
    /** A new customer, created with the application. */
    customer: customerInput.optional(),
    businessType: z.enum(['new', 'increase']),
    /** The account whose capacity grows (increase only). */
    accountId: z.number().int().positive().optional(),
    address: z.string().trim().min(1).max(255),
    voltage: z.enum(['220V', '380V', '10kV', '20kV', '35kV', '110kV']),
    /** Requested capacity (new) or the capacity added (increase), kVA. */
    capacityKva: z.number().positive().max(1_000_000),
    category: z.enum(['residential', 'commercial', 'industrial', 'agricultural']),
    dualSource: z.boolean().default(false),
    /** Handed in by an agent (经办人) for the customer. */
    throughAgent: z.boolean().default(false),
    documents: z.array(documentInput).max(50).default([]),
    /** Set by another area's case that hands over to 业扩: submitting twice for it gives the same application. */
    sourceReference: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if ((input.customerId === undefined) === (input.customer === undefined))
      context.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: '需提供 customerId 或新客户 customer（二选一）/ give either customerId or a new customer',
      });
    if (input.businessType === 'increase' && input.accountId === undefined)
      context.addIssue({ code: 'custom', path: ['accountId'], message: '增容需提供用电户 / increase needs accountId' });
    if (input.businessType === 'new' && input.accountId !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['accountId'],
        message: '新装不应指定用电户 / new connection: no accountId',
      });
  });

export type ApplicationInput = z.infer<typeof applicationInput>;
