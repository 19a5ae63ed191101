/**
 * Energy prices (电度电价) per category, tariff kind and supply voltage: one row per combination, '*' matching any.
 * The most particular row wins (category, then kind, then voltage). A province's price table is one versioned row,
 * as a tariff notice replaces the whole table.
 */
import { z } from 'zod';
import { defineRuleSet } from '../../rules';

export const energyPriceRow = z.object({
  category: z.string().min(1),
  tariffKind: z.string().min(1),
  voltage: z.string().min(1),
  pricePerKwh: z.number().nonnegative(),
});
export const energyPricesSchema = z.object({ prices: z.array(energyPriceRow).min(1) });
export type EnergyPrices = z.infer<typeof energyPricesSchema>;

export const ENERGY_PRICES = defineRuleSet<EnergyPrices>({
  name: 'energy-prices',
  title: '电度电价',
  titleEn: 'Energy prices',
  schema: energyPricesSchema,
  defaults: [
    {
      effectiveFrom: '2024-06-01',
      body: {
        prices: [
          { category: '*', tariffKind: 'single-part', voltage: '*', pricePerKwh: 0.65 },
          { category: '*', tariffKind: 'single-part', voltage: '10kV', pricePerKwh: 0.63 },
          { category: '*', tariffKind: 'two-part', voltage: '*', pricePerKwh: 0.6 },
          { category: '*', tariffKind: 'two-part', voltage: '35kV', pricePerKwh: 0.585 },
          { category: '*', tariffKind: 'two-part', voltage: '110kV', pricePerKwh: 0.57 },
          { category: 'agricultural', tariffKind: '*', voltage: '*', pricePerKwh: 0.48 },
        ],
      },
      source:
        '示例电价（平段，含上网电价与输配电价，不含政府性基金）：以 issue 15 核算示例的平段 0.60 元/kWh 为两部制基准；上线前按本省代理购电价格公告逐月另立版本',
    },
  ],
});

/** The row for an account: the most particular match; undefined when the table has none. */
export function energyPriceFor(table: EnergyPrices, category: string, tariffKind: string, voltage: string) {
  const fits = (value: string, wanted: string) => value === wanted || value === '*';
  const weight = (row: z.infer<typeof energyPriceRow>) =>
    (row.category === '*' ? 0 : 4) + (row.tariffKind === '*' ? 0 : 2) + (row.voltage === '*' ? 0 : 1);
  return table.prices
    .filter((row) => fits(row.category, category) && fits(row.tariffKind, tariffKind) && fits(row.voltage, voltage))
    .sort((a, b) => weight(b) - weight(a))[0];
}
