/**
 * The tariffs of issue 15's hand-computed checks, as rule rows (test data, not the seeded defaults), and accounts
 * to bill by them. The power-factor tables are the published ones the rule set seeds.
 */
import { RuleBook, type RuleRow } from '../rules';
import type { BillableAccount, TariffTerms } from './billable-account';
import { TARIFF_RULE_SETS } from './rules';
import { POWER_FACTOR } from './rules/power-factor';

const rows: RuleRow[] = [];
const row = (ruleSet: string, body: unknown, scope = '*', effectiveFrom = '2024-01-01') =>
  rows.push({ id: rows.length + 1, ruleSet, scope, effectiveFrom, body, source: 'issue 15 test data' });

row('residential-tiers', {
  basis: 'monthly',
  tiers: [
    { upToKwh: 180, pricePerKwh: 0.56 },
    { upToKwh: 260, pricePerKwh: 0.61 },
    { upToKwh: null, pricePerKwh: 0.86 },
  ],
});
row('time-of-use', {
  ratios: { peak: 1.72, flat: 1, valley: 0.45 },
  criticalPeak: { overPeak: 1.2, months: [1, 7, 8, 12] },
  periods: [],
});
row('energy-prices', {
  prices: [
    { category: '*', tariffKind: '*', voltage: '*', pricePerKwh: 0.6 },
    { category: 'commercial', tariffKind: 'two-part', voltage: '*', pricePerKwh: 0.62 },
  ],
});
row('basic-charge', {
  prices: [{ category: '*', voltage: '*', perKvaMonth: 28, perKwMonth: 42 }],
  demand: { contractBilledUpTo: 1.05, excessMultiplier: 2, contractFloorOfCapacity: 0.4 },
});
row('basic-charge-proration', { daysPerMonth: 30 });
row('government-funds', { funds: [] });
for (const table of POWER_FACTOR.defaults) row('power-factor', table.body, table.scope, table.effectiveFrom);

export const testBook = (extra: RuleRow[] = []): RuleBook => RuleBook.of([...rows, ...extra]);

/** Every row above is well formed by its rule set's schema. */
export const testRows = (): RuleRow[] => rows;
export const ruleSetOf = (name: string) => TARIFF_RULE_SETS.find((set) => set.name === name)!;

const TERMS: TariffTerms = {
  kind: 'two-part',
  basicChargeBasis: 'capacity',
  contractDemandKw: null,
  powerFactorStandard: null,
  timeOfUse: false,
  ruleScope: '*',
};

export const testAccount = (
  terms: Partial<TariffTerms> = {},
  values: Partial<Omit<BillableAccount, 'tariff'>> = {},
): BillableAccount => ({
  accountId: 1,
  accountNo: 'T0001',
  category: 'industrial',
  voltage: '10kV',
  capacityKva: 1250,
  tariff: { ...TERMS, ...terms, version: '2024-01-01' },
  capacityOff: [],
  yearToDateKwh: 0,
  ...values,
});
