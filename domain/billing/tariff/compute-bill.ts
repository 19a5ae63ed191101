/**
 * The tariff calculator: an account's metered use in a period → its bill as line items, by the rule rows in force
 * on the period's first day. Pure: the rules come in a RuleBook loaded once, so a run computes from memory.
 * Order of the lines: energy, basic charge, power-factor adjustment (on energy plus basic), funds.
 */
import type { RuleBook } from '../rules';
import type { BillableAccount } from './billable-account';
import { billDraft, type BillDraft, type BillLineDraft, type MeteredUse } from './bill-draft';
import { capacityCharge, demandCharge } from './basic-charge-lines';
import { singleRateEnergy, tieredEnergy, timeOfUseEnergy } from './energy-charge';
import { lineFen, percentOfFen } from './money';
import { GOVERNMENT_FUNDS, fundsFor } from './rules/government-funds';
import { POWER_FACTOR, adjustmentPercent, monthlyPowerFactor } from './rules/power-factor';

/** The day whose rules a period is billed by. */
export const ruleDayOf = (period: string): string => `${period}-01`;

function energyLines(account: BillableAccount, use: MeteredUse, book: RuleBook, day: string): BillLineDraft[] {
  if (account.tariff.kind === 'residential-tiered') return tieredEnergy(account, use.energyKwh.total, book, day);
  if (account.tariff.timeOfUse) return timeOfUseEnergy(account, use, book, day);
  return singleRateEnergy(account, use.energyKwh.total, book, day);
}

function basicLines(account: BillableAccount, use: MeteredUse, book: RuleBook, day: string): BillLineDraft[] {
  if (account.tariff.kind !== 'two-part') return [];
  return account.tariff.basicChargeBasis === 'demand'
    ? demandCharge(account, use, book, day)
    : capacityCharge(account, book, day);
}

function powerFactorLine(
  account: BillableAccount,
  use: MeteredUse,
  adjusted: BillLineDraft[],
  book: RuleBook,
  day: string,
) {
  const standard = account.tariff.powerFactorStandard;
  if (!standard || use.reactiveKvarh === undefined) return [];
  const table = book.inForce(POWER_FACTOR, standard, day);
  const powerFactor = monthlyPowerFactor(use.energyKwh.total, use.reactiveKvarh);
  const percent = adjustmentPercent(table.body, powerFactor);
  const baseFen = adjusted.reduce((sum, line) => sum + line.amountFen, 0);
  const line: BillLineDraft = {
    kind: 'power-factor',
    description: `功率因数调整电费（实际 ${powerFactor.toFixed(2)}，标准 ${standard}，${percent > 0 ? '+' : ''}${percent}%）`,
    quantity: percent,
    unit: '%',
    unitPrice: null,
    amountFen: percentOfFen(baseFen, percent),
    basis: {
      rules: [table.id],
      kwh: use.energyKwh.total,
      kvarh: use.reactiveKvarh,
      powerFactor,
      baseFen,
    },
  };
  return [line];
}

function fundLines(account: BillableAccount, use: MeteredUse, book: RuleBook, day: string): BillLineDraft[] {
  const rule = book.inForce(GOVERNMENT_FUNDS, account.tariff.ruleScope, day);
  return fundsFor(rule.body, account.category).map((fund) => ({
    kind: 'fund',
    description: fund.name,
    quantity: use.energyKwh.total,
    unit: 'kWh',
    unitPrice: fund.perKwh,
    amountFen: lineFen(use.energyKwh.total, fund.perKwh),
    basis: { rules: [rule.id], code: fund.code },
  }));
}

export function computeBill(account: BillableAccount, use: MeteredUse, period: string, book: RuleBook): BillDraft {
  const day = ruleDayOf(period);
  const charges = [...energyLines(account, use, book, day), ...basicLines(account, use, book, day)];
  const lines = [
    ...charges,
    ...powerFactorLine(account, use, charges, book, day),
    ...fundLines(account, use, book, day),
  ];
  return billDraft(account.accountId, period, lines);
}
