/**
 * Issue 15's hand-computed checks, computed by the calculator from the test tariffs' rule rows.
 */
import type { BillDraft } from './bill-draft';
import { computeBill } from './compute-bill';
import { testAccount, testBook, testRows, ruleSetOf } from './tariff-test-data';

const book = testBook();
const sum = (bill: BillDraft, kind: string) =>
  bill.lines.filter((line) => line.kind === kind).reduce((total, line) => total + line.amountFen, 0);
const residential = testAccount({ kind: 'residential-tiered', basicChargeBasis: null }, { category: 'residential' });

test('the test tariffs are well formed by their rule sets', () => {
  for (const row of testRows()) expect(() => ruleSetOf(row.ruleSet).schema.parse(row.body)).not.toThrow();
});

describe('residential tiers 0–180 0.56, 181–260 0.61, above 260 0.86 元/kWh, one month', () => {
  test('300 kWh → 184.00 元, crossing both thresholds', () => {
    const bill = computeBill(residential, { energyKwh: { total: 300 } }, '2026-03', book);
    expect(bill.amountFen).toBe(18_400);
    expect(bill.lines.map((line) => [line.quantity, line.unitPrice, line.amountFen])).toEqual([
      [180, 0.56, 10_080],
      [80, 0.61, 4_880],
      [40, 0.86, 3_440],
    ]);
  });

  test('150 kWh → 84.00 元, all in the first tier', () => {
    const bill = computeBill(residential, { energyKwh: { total: 150 } }, '2026-03', book);
    expect(bill.amountFen).toBe(8_400);
    expect(bill.lines).toHaveLength(1);
  });

  test('a customer crossing into the second tier only: 200 kWh → 180 × 0.56 + 20 × 0.61 = 113.00 元', () => {
    const bill = computeBill(residential, { energyKwh: { total: 200 } }, '2026-03', book);
    expect(bill.lines.map((line) => line.quantity)).toEqual([180, 20]);
    expect(bill.amountFen).toBe(11_300);
  });

  test('a yearly basis counts the use billed earlier in the year', () => {
    const yearly = testBook([
      {
        id: 900,
        ruleSet: 'residential-tiers',
        scope: 'SH',
        effectiveFrom: '2024-01-01',
        body: {
          basis: 'yearly',
          tiers: [
            { upToKwh: 3120, pricePerKwh: 0.617 },
            { upToKwh: 4800, pricePerKwh: 0.677 },
            { upToKwh: null, pricePerKwh: 0.977 },
          ],
        },
        source: 'test',
      },
    ]);
    const account = testAccount(
      { kind: 'residential-tiered', basicChargeBasis: null, ruleScope: 'SH' },
      { category: 'residential', yearToDateKwh: 3_000 },
    );
    const bill = computeBill(account, { energyKwh: { total: 200 } }, '2026-10', yearly);
    expect(bill.lines.map((line) => [line.quantity, line.unitPrice])).toEqual([
      [120, 0.617],
      [80, 0.677],
    ]);
    expect(bill.amountFen).toBe(7_404 + 5_416);
  });
});

test('time of use, flat 0.60: a January month 10,000 peak, 20,000 flat, 15,000 valley, 2,000 critical peak → 28,846.80 元', () => {
  const account = testAccount({ kind: 'single-part', basicChargeBasis: null, timeOfUse: true });
  const use = { energyKwh: { total: 47_000, peak: 10_000, flat: 20_000, valley: 15_000, criticalPeak: 2_000 } };
  const bill = computeBill(account, use, '2026-01', book);
  expect(sum(bill, 'energy')).toBe(2_884_680);
  expect(bill.lines.map((line) => line.unitPrice)).toEqual([1.2384, 1.032, 0.6, 0.27]);
});

test('outside the critical-peak months a critical-peak register is billed at the peak price', () => {
  const account = testAccount({ kind: 'single-part', basicChargeBasis: null, timeOfUse: true });
  const bill = computeBill(account, { energyKwh: { total: 1_000, criticalPeak: 1_000 } }, '2026-03', book);
  expect(bill.lines.map((line) => [line.unitPrice, line.amountFen])).toEqual([[1.032, 103_200]]);
});

describe('basic charge by demand: contract 1,000 kW at 42 元/kW·month', () => {
  const account = testAccount({ basicChargeBasis: 'demand', contractDemandKw: 1_000 });

  test('maximum demand 1,150 kW → 1,050 × 42 + 100 × 84 = 52,500.00 元', () => {
    const bill = computeBill(account, { energyKwh: { total: 0 }, maxDemandKw: 1_150 }, '2026-03', book);
    const basic = bill.lines.filter((line) => line.kind.startsWith('basic'));
    expect(basic.map((line) => [line.quantity, line.unitPrice])).toEqual([
      [1_050, 42],
      [100, 84],
    ]);
    expect(sum(bill, 'basic-demand') + sum(bill, 'basic-demand-excess')).toBe(5_250_000);
  });

  test('maximum demand 900 kW → the contract value, 42,000.00 元', () => {
    const bill = computeBill(account, { energyKwh: { total: 0 }, maxDemandKw: 900 }, '2026-03', book);
    expect(sum(bill, 'basic-demand')).toBe(4_200_000);
    expect(sum(bill, 'basic-demand-excess')).toBe(0);
  });

  test('500 of 1,250 kVA suspended for 10 days → 40 % of 1,000 kW × 42 × 10/30 = 5,600.00 元 off', () => {
    const partly = testAccount(
      { basicChargeBasis: 'demand', contractDemandKw: 1_000 },
      { capacityOff: [{ kva: 500, days: 10, reason: 'suspended', from: '2026-03-22', to: '2026-03-31' }] },
    );
    const bill = computeBill(partly, { energyKwh: { total: 0 }, maxDemandKw: 900 }, '2026-03', book);
    const basic = bill.lines.filter((line) => line.kind.startsWith('basic'));
    expect(basic.map((line) => [line.kind, line.quantity, line.amountFen])).toEqual([
      ['basic-demand', 1_000, 4_200_000],
      ['basic-proration', 400, -560_000],
    ]);
    expect(bill.amountFen).toBe(3_640_000);
  });

  test('a contract demand below 40 % of capacity counts as 40 %', () => {
    const low = testAccount({ basicChargeBasis: 'demand', contractDemandKw: 300 });
    const bill = computeBill(low, { energyKwh: { total: 0 }, maxDemandKw: 450 }, '2026-03', book);
    expect(bill.lines.find((line) => line.kind === 'basic-demand')?.quantity).toBe(500); // 1,250 kVA × 40 %
  });
});

describe('basic charge by capacity: 1,250 kVA at 28 元/kVA·month', () => {
  test('a whole month → 35,000.00 元', () => {
    const bill = computeBill(testAccount(), { energyKwh: { total: 0 } }, '2026-03', book);
    expect(bill.amountFen).toBe(3_500_000);
  });

  test('one 630 kVA transformer suspended for 20 days → 35,000 − 630 × 28 × 20 / 30 = 23,240.00 元', () => {
    const suspended = testAccount(
      {},
      { capacityOff: [{ kva: 630, days: 20, reason: 'suspended', from: '2026-03-12', to: '2026-03-31' }] },
    );
    const bill = computeBill(suspended, { energyKwh: { total: 0 } }, '2026-03', book);
    const basic = bill.lines.filter((line) => line.kind.startsWith('basic'));
    expect(basic.map((line) => [line.kind, line.amountFen])).toEqual([
      ['basic-capacity', 3_500_000],
      ['basic-proration', -1_176_000],
    ]);
    expect(bill.amountFen).toBe(2_324_000);
  });
});

describe('power factor', () => {
  const account = testAccount(
    { basicChargeBasis: 'demand', contractDemandKw: 1_000, powerFactorStandard: '0.90' },
    { category: 'commercial' },
  );
  const adjustment = (bill: BillDraft) => bill.lines.find((line) => line.kind === 'power-factor')!;

  test('0.90 standard: 500,000 kWh and 300,000 kvarh → PF 0.86 → +2.0 % of 52,500 + 310,000 = 7,250.00 元', () => {
    const use = { energyKwh: { total: 500_000 }, reactiveKvarh: 300_000, maxDemandKw: 1_150 };
    const bill = computeBill(account, use, '2026-03', book);
    expect(sum(bill, 'energy')).toBe(31_000_000);
    expect(adjustment(bill)).toMatchObject({ quantity: 2, amountFen: 725_000 });
    expect(adjustment(bill).basis).toMatchObject({ powerFactor: 0.86, baseFen: 36_250_000 });
  });

  test('0.90 standard: PF 0.95 → −0.75 %', () => {
    const use = { energyKwh: { total: 500_000 }, reactiveKvarh: 164_000, maxDemandKw: 1_150 };
    const bill = computeBill(account, use, '2026-03', book);
    expect(adjustment(bill).basis).toMatchObject({ powerFactor: 0.95 });
    expect(adjustment(bill)).toMatchObject({ quantity: -0.75, amountFen: -271_875 });
  });

  test.each([
    // standard, kWh, kvarh, PF, percent
    ['0.90', 100_000, 132_000, 0.6, 25], // below the table: 15 % at 0.65, then 2 % per 0.01
    ['0.85', 100_000, 75_000, 0.8, 2.5],
    ['0.85', 100_000, 36_000, 0.94, -1.1],
    ['0.80', 100_000, 42_000, 0.92, -1.3],
    ['0.80', 100_000, 102_000, 0.7, 5],
  ] as const)('%s standard: %d kWh, %d kvarh → PF %d → %d %%', (standard, kwh, kvarh, powerFactor, percent) => {
    const single = testAccount({ kind: 'single-part', basicChargeBasis: null, powerFactorStandard: standard });
    const bill = computeBill(single, { energyKwh: { total: kwh }, reactiveKvarh: kvarh }, '2026-03', book);
    expect(adjustment(bill).basis).toMatchObject({ powerFactor });
    expect(adjustment(bill).quantity).toBe(percent);
    expect(adjustment(bill).amountFen).toBe(Math.round(kwh * 60 * percent) / 100); // energy 0.60 元/kWh in fen × %
  });
});

test('a bill is the sum of its lines, whatever the use', () => {
  const accounts = [
    residential,
    testAccount({ kind: 'single-part', basicChargeBasis: null, timeOfUse: true, powerFactorStandard: '0.85' }),
    testAccount(
      { basicChargeBasis: 'demand', contractDemandKw: 800, powerFactorStandard: '0.90' },
      { capacityOff: [{ kva: 1250, days: 7, reason: 'suspended', from: '2026-03-25', to: '2026-03-31' }] },
    ),
  ];
  for (let i = 1; i < 200; i += 1)
    for (const account of accounts) {
      const kwh = (i * 7919.37) % 90_000;
      const use = {
        energyKwh: { total: kwh, peak: kwh / 3, valley: kwh / 7 },
        reactiveKvarh: (i * 613.3) % 60_000,
        maxDemandKw: (i * 13.7) % 1_300,
      };
      const bill = computeBill(account, use, '2026-03', book);
      expect(bill.lines.every((line) => Number.isInteger(line.amountFen))).toBe(true);
      expect(bill.amountFen).toBe(bill.lines.reduce((total, line) => total + line.amountFen, 0));
    }
});
