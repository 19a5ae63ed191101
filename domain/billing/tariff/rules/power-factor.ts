/**
 * Power-factor adjustment (功率因数调整电费, 〔83〕水电财字第215号): one table per standard (scope '0.90', '0.85',
 * '0.80'), a row per hundredth of power factor with the percentage added to (or, negative, taken off) the basic plus
 * energy charges; below the table's last row each further hundredth adds `belowTable.percentPerHundredth`.
 */
import { z } from 'zod';
import { defineRuleSet, type RuleDefault } from '../../rules';

const hundredthsOf = (powerFactor: number) => Math.round(powerFactor * 100);

export const powerFactorSchema = z
  .object({
    rows: z.array(z.object({ powerFactor: z.number().min(0).max(1), percent: z.number() })).min(1),
    belowTable: z.object({ percentPerHundredth: z.number().nonnegative() }),
  })
  .refine(
    (body) =>
      body.rows.every(
        (row, i) => i === 0 || hundredthsOf(row.powerFactor) === hundredthsOf(body.rows[i - 1].powerFactor) - 1,
      ),
    { message: 'rows go down by 0.01 from the highest power factor, none left out' },
  );
export type PowerFactorTable = z.infer<typeof powerFactorSchema>;

export const POWER_FACTOR_STANDARDS = ['0.90', '0.85', '0.80'] as const;
export type PowerFactorStandard = (typeof POWER_FACTOR_STANDARDS)[number];

const SOURCE =
  '《功率因数调整电费办法》〔83〕水电财字第215号 附表一至三（标准 0.90/0.85/0.80）；数值与网上流传的《功率因数调整电费增减查对表》（wgbc.cn/zxjs/205.html）逐行核对';

/** [power factor, percent] as printed in the published tables, from 1.00 down. */
type Printed = [number, number][];

const table = (scope: PowerFactorStandard, printed: Printed): RuleDefault<PowerFactorTable> => ({
  scope,
  effectiveFrom: '1983-12-02',
  body: {
    rows: printed.map(([powerFactor, percent]) => ({ powerFactor, percent })),
    belowTable: { percentPerHundredth: 2 },
  },
  source: SOURCE,
});

// prettier-ignore
const STANDARD_090: Printed = [
  [1.00, -0.75], [0.99, -0.75], [0.98, -0.75], [0.97, -0.75], [0.96, -0.75], [0.95, -0.75], [0.94, -0.6],
  [0.93, -0.45], [0.92, -0.3], [0.91, -0.15], [0.90, 0], [0.89, 0.5], [0.88, 1], [0.87, 1.5], [0.86, 2],
  [0.85, 2.5], [0.84, 3], [0.83, 3.5], [0.82, 4], [0.81, 4.5], [0.80, 5], [0.79, 5.5], [0.78, 6], [0.77, 6.5],
  [0.76, 7], [0.75, 7.5], [0.74, 8], [0.73, 8.5], [0.72, 9], [0.71, 9.5], [0.70, 10], [0.69, 11], [0.68, 12],
  [0.67, 13], [0.66, 14], [0.65, 15],
];

// prettier-ignore
const STANDARD_085: Printed = [
  [1.00, -1.1], [0.99, -1.1], [0.98, -1.1], [0.97, -1.1], [0.96, -1.1], [0.95, -1.1], [0.94, -1.1],
  [0.93, -0.95], [0.92, -0.8], [0.91, -0.65], [0.90, -0.5], [0.89, -0.4], [0.88, -0.3], [0.87, -0.2],
  [0.86, -0.1], [0.85, 0], [0.84, 0.5], [0.83, 1], [0.82, 1.5], [0.81, 2], [0.80, 2.5], [0.79, 3], [0.78, 3.5],
  [0.77, 4], [0.76, 4.5], [0.75, 5], [0.74, 5.5], [0.73, 6], [0.72, 6.5], [0.71, 7], [0.70, 7.5], [0.69, 8],
  [0.68, 8.5], [0.67, 9], [0.66, 9.5], [0.65, 10], [0.64, 11], [0.63, 12], [0.62, 13], [0.61, 14], [0.60, 15],
];

// prettier-ignore
const STANDARD_080: Printed = [
  [1.00, -1.3], [0.99, -1.3], [0.98, -1.3], [0.97, -1.3], [0.96, -1.3], [0.95, -1.3], [0.94, -1.3],
  [0.93, -1.3], [0.92, -1.3], [0.91, -1.15], [0.90, -1], [0.89, -0.9], [0.88, -0.8], [0.87, -0.7], [0.86, -0.6],
  [0.85, -0.5], [0.84, -0.4], [0.83, -0.3], [0.82, -0.2], [0.81, -0.1], [0.80, 0], [0.79, 0.5], [0.78, 1],
  [0.77, 1.5], [0.76, 2], [0.75, 2.5], [0.74, 3], [0.73, 3.5], [0.72, 4], [0.71, 4.5], [0.70, 5], [0.69, 5.5],
  [0.68, 6], [0.67, 6.5], [0.66, 7], [0.65, 7.5], [0.64, 8], [0.63, 8.5], [0.62, 9], [0.61, 9.5], [0.60, 10],
  [0.59, 11], [0.58, 12], [0.57, 13], [0.56, 14], [0.55, 15],
];

export const POWER_FACTOR = defineRuleSet<PowerFactorTable>({
  name: 'power-factor',
  title: '功率因数调整电费表',
  titleEn: 'Power-factor adjustment table',
  schema: powerFactorSchema,
  defaults: [table('0.90', STANDARD_090), table('0.85', STANDARD_085), table('0.80', STANDARD_080)],
});

/** The month's power factor: kWh / √(kWh² + kvarh²), to two decimals, halves up (the rules' 四舍五入). */
export function monthlyPowerFactor(kwh: number, kvarh: number): number {
  if (kwh <= 0) return 0;
  return Math.round((kwh / Math.hypot(kwh, kvarh)) * 100 + 1e-9) / 100;
}

/** The table's percentage for a power factor of two decimals. */
export function adjustmentPercent(table: PowerFactorTable, powerFactor: number): number {
  const hundredths = hundredthsOf(powerFactor);
  const [top, last] = [table.rows[0], table.rows[table.rows.length - 1]];
  if (hundredths >= hundredthsOf(top.powerFactor)) return top.percent;
  const row = table.rows.find((candidate) => hundredthsOf(candidate.powerFactor) === hundredths);
  if (row) return row.percent;
  return last.percent + (hundredthsOf(last.powerFactor) - hundredths) * table.belowTable.percentPerHundredth;
}
