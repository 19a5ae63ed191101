/**
 * The energy lines of a bill: by residential tiers, by time-of-use registers, or at one price.
 */
import type { RuleBook } from '../rules';
import type { BillableAccount } from './billable-account';
import type { BillLineDraft, MeteredUse } from './bill-draft';
import { derivedPrice, lineFen } from './money';
import { ENERGY_PRICES, energyPriceFor } from './rules/energy-prices';
import { RESIDENTIAL_TIERS } from './rules/residential-tiers';
import { TIME_OF_USE } from './rules/time-of-use';
import { AppError } from '../../../lib/errors/app-error';

const kwh = (value: number) => Math.round(value * 10_000) / 10_000;

const energyLine = (description: string, quantity: number, unitPrice: number, basis: Record<string, unknown>) => ({
  kind: 'energy',
  description,
  quantity: kwh(quantity),
  unit: 'kWh',
  unitPrice,
  amountFen: lineFen(quantity, unitPrice),
  basis,
});

const TIER_NAMES = ['第一档', '第二档', '第三档', '第四档', '第五档'];

export function tieredEnergy(account: BillableAccount, total: number, book: RuleBook, day: string): BillLineDraft[] {
  const rule = book.inForce(RESIDENTIAL_TIERS, account.tariff.ruleScope, day);
  const before = rule.body.basis === 'yearly' ? account.yearToDateKwh : 0;
  const lines: BillLineDraft[] = [];
  let floor = 0;
  rule.body.tiers.forEach((tier, index) => {
    const ceiling = tier.upToKwh ?? Number.POSITIVE_INFINITY;
    const inTier = Math.max(0, Math.min(before + total, ceiling) - Math.max(before, floor));
    if (inTier > 0 || (index === 0 && total === 0))
      lines.push(
        energyLine(`${TIER_NAMES[index] ?? `第${index + 1}档`}电量`, inTier, tier.pricePerKwh, {
          rules: [rule.id],
          tier: index + 1,
          ...(rule.body.basis === 'yearly' ? { yearToDateKwh: before } : {}),
        }),
      );
    floor = ceiling;
  });
  return lines;
}

export function flatPrice(account: BillableAccount, book: RuleBook, day: string) {
  const rule = book.inForce(ENERGY_PRICES, account.tariff.ruleScope, day);
  const row = energyPriceFor(rule.body, account.category, account.tariff.kind, account.voltage);
  if (!row)
    throw new AppError(
      422,
      'NO_ENERGY_PRICE',
      `电度电价表无 ${account.category}/${account.tariff.kind}/${account.voltage} / no energy price for the account ${account.accountNo}`,
    );
  return {
    price: row.pricePerKwh,
    ruleId: rule.id,
  };
}

const REGISTERS = [
  ['criticalPeak', '尖峰电量'],
  ['peak', '峰段电量'],
  ['flat', '平段电量'],
  ['valley', '谷段电量'],
] as const;

/** Each register at the flat price times its ratio; a critical-peak register outside its months is billed as peak. */
export function timeOfUseEnergy(
  account: BillableAccount,
  use: MeteredUse,
  book: RuleBook,
  day: string,
): BillLineDraft[] {
  const { price, ruleId } = flatPrice(account, book, day);
  const tou = book.inForce(TIME_OF_USE, account.tariff.ruleScope, day);
  const month = Number(day.slice(5, 7));
  const criticalMonth = tou.body.criticalPeak.months.includes(month);
  const prices = {
    criticalPeak: criticalMonth
      ? derivedPrice(price, tou.body.ratios.peak, tou.body.criticalPeak.overPeak)
      : derivedPrice(price, tou.body.ratios.peak),
    peak: derivedPrice(price, tou.body.ratios.peak),
    flat: derivedPrice(price, tou.body.ratios.flat),
    valley: derivedPrice(price, tou.body.ratios.valley),
  };
  const basis = { rules: [ruleId, tou.id] };
  const lines: BillLineDraft[] = [];
  let registered = 0;
  for (const [register, name] of REGISTERS) {
    const quantity = use.energyKwh[register] ?? 0;
    registered += quantity;
    if (quantity > 0) lines.push(energyLine(name, quantity, prices[register], { ...basis, register, criticalMonth }));
  }
  // Use the registers do not account for (a meter without them this month) is billed at the flat price.
  const rest = kwh(use.energyKwh.total - registered);
  if (rest > 0 || lines.length === 0)
    lines.push(energyLine('平段电量（未分时）', rest, prices.flat, { ...basis, register: 'unregistered' }));
  return lines;
}

export function singleRateEnergy(
  account: BillableAccount,
  total: number,
  book: RuleBook,
  day: string,
): BillLineDraft[] {
  const { price, ruleId } = flatPrice(account, book, day);
  return [energyLine('电度电费', total, price, { rules: [ruleId] })];
}
