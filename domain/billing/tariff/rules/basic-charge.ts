/**
 * Basic charge (基本电费) of two-part customers: prices by capacity (元/kVA·month) and by demand (元/kW·month) per
 * category and voltage ('*' matches any), the demand rule (contract value billed up to 105 %, the part above billed
 * at twice the price, contract demand at least 40 % of capacity) and the pro-rating of a month by days (1/30 a day).
 */
import { z } from 'zod';
import { defineRuleSet } from '../../rules';

const priceRow = z.object({
  category: z.string().min(1),
  voltage: z.string().min(1),
  perKvaMonth: z.number().nonnegative(),
  perKwMonth: z.number().nonnegative(),
});

export const basicChargeSchema = z.object({
  prices: z.array(priceRow).min(1),
  demand: z.object({
    /** Up to this share of the contract demand the contract value is billed (1.05). */
    contractBilledUpTo: z.number().min(1),
    /** The part above is billed at this multiple of the price (2). */
    excessMultiplier: z.number().min(1),
    /** The contract demand counts as at least this share of the capacity, kVA taken as kW (0.4). */
    contractFloorOfCapacity: z.number().min(0).max(1),
  }),
});
export type BasicCharge = z.infer<typeof basicChargeSchema>;

export const BASIC_CHARGE = defineRuleSet<BasicCharge>({
  name: 'basic-charge',
  title: '基本电价与需量规则',
  titleEn: 'Basic charge prices and demand rules',
  schema: basicChargeSchema,
  defaults: [
    {
      effectiveFrom: '2023-06-01',
      body: {
        prices: [{ category: '*', voltage: '*', perKvaMonth: 28, perKwMonth: 42 }],
        demand: { contractBilledUpTo: 1.05, excessMultiplier: 2, contractFloorOfCapacity: 0.4 },
      },
      source:
        '需量规则：发改价格〔2023〕526号、发改办价格〔2016〕1583号（超 105% 部分加倍，合同需量不低于容量 40%）；单价 28 元/kVA·月、42 元/kW·月为 issue 15 核算示例值，按本省输配电价表另立版本',
    },
  ],
});

export function basicPriceFor(table: BasicCharge, category: string, voltage: string) {
  const fits = (value: string, wanted: string) => value === wanted || value === '*';
  const weight = (row: z.infer<typeof priceRow>) => (row.category === '*' ? 0 : 2) + (row.voltage === '*' ? 0 : 1);
  return table.prices
    .filter((row) => fits(row.category, category) && fits(row.voltage, voltage))
    .sort((a, b) => weight(b) - weight(a))[0];
}

export const basicProrationSchema = z.object({
  /** A day not billed takes this fraction's denominator off the month's basic charge (30: 1/30 a day). */
  daysPerMonth: z.number().int().positive(),
});
export type BasicProration = z.infer<typeof basicProrationSchema>;

export const BASIC_PRORATION = defineRuleSet<BasicProration>({
  name: 'basic-charge-proration',
  title: '基本电费按日折算',
  titleEn: 'Basic charge pro-rating by day',
  schema: basicProrationSchema,
  defaults: [
    {
      effectiveFrom: '1996-09-01',
      body: { daysPerMonth: 30 },
      source:
        '《供电营业规则》（1996）第二十三、二十四、八十四条：暂停、减容期间基本电费按日计算，每日按全月基本电费的三十分之一',
    },
  ],
});
