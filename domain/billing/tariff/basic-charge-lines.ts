/**
 * The basic-charge lines of a two-part bill: by capacity (less the capacity-days suspended or reduced, at 1/30 of
 * the month a day), or by demand (the contract value up to 105 %, the part above at twice the price, the contract
 * demand at least 40 % of capacity; suspended or reduced kVA take their share of it off for their days).
 */
import { AppError } from '../../../lib/errors/app-error';
import type { RuleBook } from '../rules';
import type { BillableAccount, CapacityOff } from './billable-account';
import type { BillLineDraft, MeteredUse } from './bill-draft';
import { lineFen } from './money';
import { BASIC_CHARGE, BASIC_PRORATION, basicPriceFor } from './rules/basic-charge';

const four = (value: number) => Math.round(value * 10_000) / 10_000;

function rules(account: BillableAccount, book: RuleBook, day: string) {
  const charge = book.inForce(BASIC_CHARGE, account.tariff.ruleScope, day);
  const proration = book.inForce(BASIC_PRORATION, account.tariff.ruleScope, day);
  const price = basicPriceFor(charge.body, account.category, account.voltage);
  if (!price)
    throw new AppError(422, 'NO_BASIC_PRICE', `基本电价表无 ${account.category}/${account.voltage} / no basic price`);
  const basis = { rules: [charge.id, proration.id] };
  return { charge: charge.body, price, daysPerMonth: proration.body.daysPerMonth, basis };
}

const OFF_TEXT = { suspended: '暂停', reduced: '减容' } as const;

/** A line taking `off`'s days off a monthly charge of `quantity` × `unitPrice`. */
function prorationLine(
  off: CapacityOff,
  quantity: number,
  unitPrice: number,
  unit: string,
  { daysPerMonth, basis: { rules } }: { daysPerMonth: number; basis: { rules: number[] } },
) {
  const days = Math.min(off.days, daysPerMonth);
  return {
    kind: 'basic-proration',
    description: `${OFF_TEXT[off.reason]}减免基本电费（${off.from}至${off.to}，${days}天）`,
    quantity: four(quantity),
    unit,
    unitPrice,
    amountFen: -lineFen(quantity, unitPrice, days, daysPerMonth),
    basis: { rules, from: off.from, to: off.to, days },
  };
}

export function capacityCharge(account: BillableAccount, book: RuleBook, day: string): BillLineDraft[] {
  const { price, daysPerMonth, basis } = rules(account, book, day);
  const full: BillLineDraft = {
    kind: 'basic-capacity',
    description: '基本电费（按容量）',
    quantity: account.capacityKva,
    unit: 'kVA',
    unitPrice: price.perKvaMonth,
    amountFen: lineFen(account.capacityKva, price.perKvaMonth),
    basis,
  };
  const off = account.capacityOff.map((segment) =>
    prorationLine(segment, segment.kva, price.perKvaMonth, 'kVA', { daysPerMonth, basis }),
  );
  // Overlapping records never take more off than the month's charge.
  const taken = off.reduce((sum, line) => sum + line.amountFen, 0);
  if (-taken > full.amountFen) off.at(-1)!.amountFen -= taken + full.amountFen;
  return [full, ...off];
}

export function demandCharge(account: BillableAccount, use: MeteredUse, book: RuleBook, day: string): BillLineDraft[] {
  const { charge, price, daysPerMonth, basis } = rules(account, book, day);
  const floor = four(account.capacityKva * charge.demand.contractFloorOfCapacity);
  const contract = Math.max(account.tariff.contractDemandKw ?? 0, floor);
  const limit = four(contract * charge.demand.contractBilledUpTo);
  const maxDemand = use.maxDemandKw ?? 0;
  const over = maxDemand > limit;
  const billed = over ? limit : contract;
  const figures = {
    contractDemandKw: account.tariff.contractDemandKw,
    floorKw: floor,
    maxDemandKw: maxDemand,
    limitKw: limit,
  };
  const lines: BillLineDraft[] = [
    {
      kind: 'basic-demand',
      description: over ? '基本电费（按需量，合同值 105% 以内）' : '基本电费（按需量，合同确定值）',
      quantity: billed,
      unit: 'kW',
      unitPrice: price.perKwMonth,
      amountFen: lineFen(billed, price.perKwMonth),
      basis: { ...basis, ...figures },
    },
  ];
  if (over) {
    const excess = four(maxDemand - limit);
    const doubled = four(price.perKwMonth * charge.demand.excessMultiplier);
    lines.push({
      kind: 'basic-demand-excess',
      description: '基本电费（超合同需量 105% 部分加倍）',
      quantity: excess,
      unit: 'kW',
      unitPrice: doubled,
      amountFen: lineFen(excess, doubled),
      basis: { ...basis, ...figures, multiplier: charge.demand.excessMultiplier },
    });
  }
  // Suspended or reduced kVA take their share of the billed demand off for their days (decision 0062): 500 of
  // 1,250 kVA suspended for 10 days takes 40 % of the billed kW × 10/30 off; the whole capacity, all of it.
  for (const off of account.capacityOff) {
    const share = Math.min(1, off.kva / account.capacityKva);
    lines.push(prorationLine(off, four(billed * share), price.perKwMonth, 'kW', { daysPerMonth, basis }));
  }
  return lines;
}
