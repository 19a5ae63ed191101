/**
 * The tariff part against a real database: accounts read as billable (their tariff version in force, the
 * capacity-days the change-of-use ledger took off, the kWh billed earlier in the year), bills computed by the
 * seeded rules and written in bulk, and written once only per account and period.
 */
import { Bill } from '../../db/core/customer-models';
import { BillLine } from '../../db/billing/billing-models';
import { AccountChange } from '../../db/change-of-use/change-of-use-models';
import { AccountTariff } from '../../db/billing/tariff-models';
import { computeBill, loadBillableAccounts, loadTariffBook, saveBillDrafts } from '../../domain/billing/tariff';
import { seedBillingAccount, useBillingDatabase } from './billing-database-kit';

useBillingDatabase();

const ledger = (
  accountId: number,
  applicationNo: string,
  field: string,
  oldValue: string | null,
  newValue: string,
  effectiveOn: string,
) => AccountChange.create({ applicationNo, accountId, phase: 'change', field, oldValue, newValue, effectiveOn });

test('an account is billable by its tariff version in force at the end of the period', async () => {
  const account = await seedBillingAccount();
  await AccountTariff.create({
    accountId: account.id,
    effectiveFrom: '2026-04-15',
    kind: 'two-part',
    basicChargeBasis: 'demand',
    contractDemandKw: 1000,
    powerFactorStandard: '0.85',
    timeOfUse: true,
    ruleScope: 'HA',
    reason: '改按需量',
    createdBy: 'test',
  });
  const march = (await loadBillableAccounts([account.id], '2026-03')).get(account.id)!;
  expect(march.tariff).toMatchObject({ kind: 'two-part', basicChargeBasis: 'capacity', version: '2026-01-01' });
  const april = (await loadBillableAccounts([account.id], '2026-04')).get(account.id)!;
  expect(april.tariff).toEqual({
    kind: 'two-part',
    basicChargeBasis: 'demand',
    contractDemandKw: 1000,
    powerFactorStandard: '0.85',
    timeOfUse: true,
    ruleScope: 'HA',
    version: '2026-04-15',
  });
  const withoutTariff = await seedBillingAccount();
  await AccountTariff.destroy({ where: { accountId: withoutTariff.id } });
  expect((await loadBillableAccounts([withoutTariff.id], '2026-03')).has(withoutTariff.id)).toBe(false);
});

test('a transformer suspended from the ledger is pro-rated by the seeded rules: 630 kVA for 20 days → 23,240.00 元', async () => {
  const account = await seedBillingAccount({}, { powerFactorStandard: null });
  await ledger(account.id, 'BG-T1', 'suspendedKva', null, '630', '2026-03-12');
  await ledger(account.id, 'BG-T1', 'status', 'active', 'suspended', '2026-03-12');
  const billable = (await loadBillableAccounts([account.id], '2026-03')).get(account.id)!;
  expect(billable.capacityOff).toEqual([
    { kva: 630, days: 20, reason: 'suspended', from: '2026-03-12', to: '2026-03-31' },
  ]);
  const bill = computeBill(billable, { energyKwh: { total: 0 } }, '2026-03', await loadTariffBook());
  expect(
    bill.lines.filter((line) => line.kind.startsWith('basic')).reduce((sum, line) => sum + line.amountFen, 0),
  ).toBe(2_324_000);
});

test('bills and their lines are written in bulk, once per account and period', async () => {
  const book = await loadTariffBook();
  const accounts = await Promise.all(Array.from({ length: 600 }, () => seedBillingAccount()));
  const billable = await loadBillableAccounts(
    accounts.map((account) => account.id),
    '2026-05',
  );
  expect(billable.size).toBe(600);
  const drafts = [...billable.values()].map((account, i) =>
    computeBill(account, { energyKwh: { total: 10_000 + i }, reactiveKvarh: 4_000 }, '2026-05', book),
  );
  const options = { runId: null, dueDate: '2026-06-15', status: 'draft' as const };
  const ids = await saveBillDrafts(drafts, options);
  expect(new Set(ids).size).toBe(600);
  const again = await saveBillDrafts(drafts.slice(100, 560), options);
  expect(again).toEqual(ids.slice(100, 560));
  expect(await Bill.count({ where: { period: '2026-05' } })).toBe(600);
  expect(await BillLine.count()).toBe(drafts.reduce((sum, draft) => sum + draft.lines.length, 0));

  const bill = await Bill.findByPk(ids[7]);
  const lines = await BillLine.findAll({ where: { billId: ids[7] }, order: [['seq', 'ASC']] });
  expect(bill).toMatchObject({ accountId: drafts[7].accountId, amountFen: drafts[7].amountFen, status: 'draft' });
  expect(lines.reduce((sum, line) => sum + Number(line.amountFen), 0)).toBe(bill!.amountFen);
  expect(lines.map((line) => [line.kind, line.quantity, line.unitPrice])).toEqual(
    drafts[7].lines.map((line) => [line.kind, line.quantity, line.unitPrice]),
  );
});

test('a yearly tier basis counts the kWh billed earlier in the year', async () => {
  const account = await seedBillingAccount(
    { category: 'residential', voltage: '220V', capacityKva: 8 },
    { kind: 'residential-tiered', basicChargeBasis: null, powerFactorStandard: null, ruleScope: 'SH' },
  );
  const book = await loadTariffBook();
  for (const [period, kwh] of [
    ['2026-01', 2_000],
    ['2026-02', 1_000],
  ] as const) {
    const billable = (await loadBillableAccounts([account.id], period)).get(account.id)!;
    await saveBillDrafts([computeBill(billable, { energyKwh: { total: kwh } }, period, book)], {
      runId: null,
      dueDate: '2026-04-01',
      status: 'issued',
    });
  }
  const march = (await loadBillableAccounts([account.id], '2026-03')).get(account.id)!;
  expect(march.yearToDateKwh).toBe(3_000);
  const bill = computeBill(march, { energyKwh: { total: 200 } }, '2026-03', book);
  expect(bill.lines.map((line) => [line.quantity, line.unitPrice])).toEqual([
    [120, 0.617],
    [80, 0.677],
  ]);
});

test('an account disconnected for arrears is billed as any other: its basic charge runs (decision 0061)', async () => {
  const cut = await seedBillingAccount({ status: 'disconnected' });
  const active = await seedBillingAccount();
  const book = await loadTariffBook();
  const billable = await loadBillableAccounts([cut.id, active.id], '2026-05');
  expect([...billable.keys()].sort()).toEqual([cut.id, active.id].sort());
  const bills = [cut, active].map((account) =>
    computeBill(billable.get(account.id)!, { energyKwh: { total: 0 } }, '2026-05', book),
  );
  const basic = bills.map((bill) => bill.lines.find((line) => line.kind === 'basic-capacity')?.amountFen);
  expect(basic[0]).toBeGreaterThan(0);
  expect(basic[0]).toBe(basic[1]);
});
