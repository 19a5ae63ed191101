/**
 * The documents the counter asks for before it accepts an application: the customer class the process will use
 * (the same customer-class DMN the submission evaluates) and that class's list (required-documents), so the screen
 * lists them from the API instead of keeping its own copy. The submission checks them again (decision 0032).
 */
import { Customer } from '../../db/core/customer-models';
import { notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { DomainServices } from '../domain-services';
import { requireInScope, type ScopeUser } from '../users';
import { classifyApplication } from './classify-application';
import { DOCUMENT_KINDS, requiredDocuments, type DocumentKind } from './required-documents';

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const requiredDocumentsInput = z.object({
  voltage: z.enum(['220V', '380V', '10kV', '20kV', '35kV', '110kV']),
  capacityKva: z.coerce.number().positive().max(1_000_000),
  category: z.enum(['residential', 'commercial', 'industrial', 'agricultural']),
  dualSource: flag,
  throughAgent: flag,
  /** An existing customer (its area and importance count), or a new one's area and importance. */
  customerId: z.coerce.number().int().positive().optional(),
  area: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,8})?$/, '区域代码如 SH-PD / area code such as SH-PD')
    .optional(),
  important: flag,
});

const named = (kind: DocumentKind) => ({ kind, name: DOCUMENT_KINDS[kind] });

export async function documentsToHandIn(
  context: Pick<DomainServices, 'camunda'>,
  reader: ScopeUser,
  input: z.infer<typeof requiredDocumentsInput>,
) {
  let area = input.area ?? 'SH';
  let important = input.important;
  if (input.customerId !== undefined) {
    const customer = await Customer.findByPk(input.customerId);
    if (!customer) throw notFound('客户 / customer', input.customerId);
    await requireInScope(reader, customer.unitCode, '客户 / customer', input.customerId);
    area = customer.area;
    important = customer.important ?? false;
  }
  const customerClass = await classifyApplication(context.camunda, {
    voltage: input.voltage,
    capacityKva: input.capacityKva,
    category: input.category,
    province: area.split('-')[0],
    dualSource: input.dualSource,
    important,
  });
  return {
    customerClass,
    required: requiredDocuments(customerClass, input.throughAgent).map(named),
    /** Every kind the counter may record (what is handed in beyond the list, too). */
    kinds: (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).map(named),
  };
}
