/**
 * The change types (docs/business-rules.md §2) and what an application of each must carry. The type-specific fields sit
 * beside the common ones in the request and are kept together as the application's `details`.
 */
import { z } from '../../lib/validation/zh-error-map';
import { isDayString } from '../../lib/calendar';
import { refineResidentId } from '../customers';

export const CHANGE_TYPE_NAMES = {
  suspend: '暂停',
  'suspend-resume': '暂停恢复',
  'capacity-reduction': '减容',
  'reduction-resume': '减容恢复',
  'temporary-swap': '暂换',
  relocation: '迁址',
  'meter-move': '移表',
  'temporary-removal': '暂拆',
  rename: '更名',
  transfer: '过户',
  split: '分户',
  merge: '并户',
  close: '销户',
  'voltage-change': '改压',
  'category-change': '改类',
  'temporary-supply': '临时用电',
} as const;

export type ChangeType = keyof typeof CHANGE_TYPE_NAMES;
export const CHANGE_TYPES = Object.keys(CHANGE_TYPE_NAMES) as [ChangeType, ...ChangeType[]];
export const CATEGORIES = ['residential', 'commercial', 'industrial', 'agricultural'] as const;

const day = z.string().refine(isDayString, { message: '日期格式应为 YYYY-MM-DD / a day YYYY-MM-DD' });
const voltage = z.enum(['220V', '380V', '10kV', '20kV', '35kV', '110kV']);
const kva = z.number().positive().max(1_000_000);
const text = (max: number) => z.string().trim().min(1).max(max);
const common = { accountId: z.number().int().positive(), requestedDate: day, reason: text(500) };
/** Documents handed in at the counter: passed on to 业扩 when the change becomes a new connection. */
const documents = z
  .array(z.object({ kind: text(32), name: text(255) }).strict())
  .max(50)
  .optional();
const variant = <T extends ChangeType, S extends z.ZodRawShape>(changeType: T, shape: S) =>
  z.object({ ...common, changeType: z.literal(changeType), ...shape }).strict();

export const newCustomerInput = z
  .object({
    kind: z.enum(['person', 'company']),
    name: text(128),
    idNumber: text(32),
    phone: text(32),
    address: text(255).optional(),
  })
  .strict()
  .superRefine(refineResidentId);

export const applicationInput = z.discriminatedUnion('changeType', [
  // suspendedKva: the transformers suspended when not all of them are (billing stops their basic charge only).
  variant('suspend', { suspendedKva: kva.optional() }),
  variant('suspend-resume', {}),
  variant('capacity-reduction', { newCapacityKva: kva }),
  variant('reduction-resume', {}),
  variant('temporary-swap', { newCapacityKva: kva }),
  variant('relocation', {
    newAddress: text(255),
    sameSupplyPoint: z.boolean(),
    newCapacityKva: kva.optional(),
    documents,
  }),
  variant('meter-move', { newMeterLocation: text(255) }),
  variant('temporary-removal', {}),
  variant('rename', { newName: text(128) }),
  variant('transfer', { newCustomer: newCustomerInput }),
  variant('split', { splitCapacityKva: kva, newAccountAddress: text(255).optional() }),
  variant('merge', { targetAccountId: z.number().int().positive() }),
  variant('close', {}),
  variant('voltage-change', { newVoltage: voltage, newCapacityKva: kva.optional(), documents }),
  variant('category-change', { newCategory: z.enum(CATEGORIES) }),
  variant('temporary-supply', { capacityKva: kva, address: text(255), voltage }),
]);

export type ApplicationInput = z.infer<typeof applicationInput>;

/** '10kV' → 10, '380V' → 0.38: the decision table compares voltage levels in kV. */
export function voltageKv(voltage: string): number {
  const match = /^(\d+(?:\.\d+)?)(k?)V$/i.exec(voltage.trim());
  if (!match) return 0;
  return Number(match[1]) / (match[2] ? 1 : 1000);
}

/** The type-specific fields of an input: what is stored as the application's details. */
export function detailsOf(input: ApplicationInput): Record<string, unknown> {
  const { accountId: _a, requestedDate: _r, reason: _s, changeType: _c, ...details } = input;
  return details;
}
