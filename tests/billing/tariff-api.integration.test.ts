/**
 * The billing API of rules, account tariffs and bills: the rule sets with their versions, a version added by the
 * supervisor only and never back-dated, an account's tariff versions (checked, and not in a billed month), an
 * account's bills and a bill with its lines.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import { BILLING_CLERK, BILLING_SUPERVISOR, accountWithIssuedBill, seedBillingUsers } from './billing-platform-kit';

let platform: Platform;

usePlatform(async (started) => {
  platform = started;
  await seedBillingUsers();
  await platform.pinClock('2026-11-10T02:00:00Z');
});

const TIERS = {
  basis: 'monthly',
  tiers: [
    { upToKwh: 200, pricePerKwh: 0.56 },
    { upToKwh: 300, pricePerKwh: 0.61 },
    { upToKwh: null, pricePerKwh: 0.86 },
  ],
};

test('the rule sets with their versions; a new version from the supervisor, from today on, audited', async () => {
  const supervisor = await platform.as(BILLING_SUPERVISOR);
  const listed = await supervisor.get('/billing/rule-sets');
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((set: any) => set.name)).toEqual(
    expect.arrayContaining(['residential-tiers', 'time-of-use', 'energy-prices', 'basic-charge', 'power-factor']),
  );
  const powerFactor = listed.body.items.find((set: any) => set.name === 'power-factor');
  expect(powerFactor.versions.map((version: any) => [version.scope, version.inForce]).sort()).toEqual([
    ['0.80', true],
    ['0.85', true],
    ['0.90', true],
  ]);
  expect(powerFactor.versions[0].source).toContain('水电财字第215号');

  const version = { effectiveFrom: '2026-12-01', body: TIERS, source: '测试调价文件', reason: '阶梯档位调整' };
  const byClerk = await (
    await platform.as(BILLING_CLERK)
  ).post('/billing/rule-sets/residential-tiers/versions', version);
  expect(byClerk.status).toBe(403);
  const backDated = await supervisor.post('/billing/rule-sets/residential-tiers/versions', {
    ...version,
    effectiveFrom: '2026-11-01',
  });
  expect(backDated.status).toBe(422);
  expect(backDated.body.details.earliest).toBe('2026-11-10');
  const malformed = await supervisor.post('/billing/rule-sets/residential-tiers/versions', {
    ...version,
    body: { basis: 'monthly', tiers: [{ upToKwh: 200, pricePerKwh: 0.56 }] },
  });
  expect(malformed.status).toBe(400);
  expect((await supervisor.post('/billing/rule-sets/no-such-set/versions', version)).status).toBe(404);

  const added = await supervisor.post('/billing/rule-sets/residential-tiers/versions', version);
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({
    scope: '*',
    effectiveFrom: '2026-12-01',
    inForce: false,
    createdBy: BILLING_SUPERVISOR,
  });
  expect((await supervisor.post('/billing/rule-sets/residential-tiers/versions', version)).status).toBe(409);
  const tiers = (await supervisor.get('/billing/rule-sets')).body.items.find(
    (set: any) => set.name === 'residential-tiers',
  );
  const general = tiers.versions.filter((each: any) => each.scope === '*');
  expect(general.map((each: any) => [each.effectiveFrom, each.inForce])).toEqual([
    ['2026-12-01', false],
    ['2012-07-01', true],
  ]);
  const audit = await (await platform.as('admin')).get('/audit?action=billing-rule.add');
  expect(audit.body.items[0]).toMatchObject({ actor: BILLING_SUPERVISOR, target: 'residential-tiers/*/2026-12-01' });
});

test('an account’s tariff versions: checked terms, never in a month already billed', async () => {
  const { account, billId, draft } = await accountWithIssuedBill('2026-10', { energyKwh: { total: 5_000 } });
  const clerk = await platform.as(BILLING_CLERK);
  const read = await clerk.get(`/billing/accounts/${account.id}/tariffs`);
  expect(read.body.items).toEqual([
    expect.objectContaining({
      effectiveFrom: '2026-01-01',
      kind: 'two-part',
      basicChargeBasis: 'capacity',
      inForce: true,
    }),
  ]);
  const path = `/billing/accounts/${account.id}/tariffs`;
  const terms = { kind: 'two-part', basicChargeBasis: 'demand', contractDemandKw: 800, powerFactorStandard: '0.90' };
  expect(
    (await clerk.post(path, { ...terms, effectiveFrom: '2026-12-01', contractDemandKw: null, reason: '改按需量' }))
      .status,
  ).toBe(400);
  const inBilledMonth = await clerk.post(path, { ...terms, effectiveFrom: '2026-10-15', reason: '改按需量' });
  expect(inBilledMonth.status).toBe(422);
  expect(inBilledMonth.body.details.lastBilledPeriod).toBe('2026-10');
  const added = await clerk.post(path, { ...terms, effectiveFrom: '2026-12-01', timeOfUse: true, reason: '改按需量' });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({
    kind: 'two-part',
    basicChargeBasis: 'demand',
    contractDemandKw: 800,
    timeOfUse: true,
    ruleScope: '*',
  });
  expect(
    (await (await platform.as('zhangli')).post(path, { ...terms, effectiveFrom: '2027-01-01', reason: 'x' })).status,
  ).toBe(403);

  const bills = await clerk.get(`/billing/accounts/${account.id}/bills`);
  expect(bills.body.items).toEqual([
    expect.objectContaining({ id: billId, period: '2026-10', amountFen: draft.amountFen, status: 'issued' }),
  ]);
  const bill = await clerk.get(`/billing/bills/${billId}`);
  expect(bill.body.lines.map((line: any) => [line.kind, line.amountFen])).toEqual(
    draft.lines.map((line) => [line.kind, line.amountFen]),
  );
  expect((await clerk.get('/billing/bills/99999999')).status).toBe(404);
});
