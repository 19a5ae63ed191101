/**
 * Billing and collection within the reader's units (decision 0025): Minhang's billing clerk and cashier do not find
 * a Pudong account, its bills and tariff terms, Pudong's runs and sections (nor on the billing screens' reads), nor may
 * they take a payment for it — 404,
 * as for a number that does not exist — while Pudong's people do.
 */
import { ReadingSection } from '../../db/billing/reading-models';
import { BillingRun } from '../../db/billing/run-models';
import { User } from '../../db/core/user-models';
import { hashPassword } from '../../domain/users';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { BILLING_CLERK, accountWithIssuedBill, seedBillingUsers } from './billing-platform-kit';

const MINHANG = [
  { login: 'mh-billing', name: '闵行核算', roles: ['billing-clerk'], groups: ['SH-MH'] },
  { login: 'mh-cashier', name: '闵行收费', roles: ['cashier'], groups: ['SH-MH'] },
];
const PUDONG_CASHIER = { login: 'pd-cashier', name: '浦东收费', roles: ['cashier'], groups: ['SH-PD'] };

let platform: Platform;
usePlatform(async (started) => {
  platform = started;
  await seedBillingUsers();
  for (const user of [...MINHANG, PUDONG_CASHIER])
    await User.create({ ...user, phone: null, passwordHash: await hashPassword('demo1234') });
});

test("another unit's accounts, bills, runs and sections are not found; the own unit's are", async () => {
  await platform.pinClock('2026-12-01T02:00:00Z');
  const { account, billId } = await accountWithIssuedBill('2026-11', { energyKwh: { total: 1_000 } });
  const section = await ReadingSection.create({ code: 'PD-SC1', name: '浦东一段', unitCode: 'SH-PD', readingDay: 25 });
  const run = await BillingRun.create({
    runNo: 'CB202611-PD-SC1',
    sectionId: section.id,
    period: '2026-11',
    startedBy: 't',
  });
  const reads = [
    `/billing/accounts/${account.id}/bills`,
    `/billing/accounts/${account.id}/tariffs`,
    `/billing/bills/${billId}`,
    `/billing/runs/${run.runNo}`,
    `/billing/runs/${run.runNo}/anomalies`,
    `/billing/readings?accountId=${account.id}`,
    // The billing screens' reads.
    `/billing/run-summaries/${run.runNo}`,
    `/billing/runs/${run.runNo}/anomaly-tasks`,
    `/billing/runs/${run.runNo}/bills`,
    `/billing/bills/${billId}/statement`,
    `/billing/account-bills?accountNo=${account.accountNo}`,
  ];
  const pudong = await platform.as(BILLING_CLERK);
  const minhang = await platform.as('mh-billing');
  for (const path of reads) {
    expect([path, (await pudong.get(path)).status]).toEqual([path, 200]);
    expect([path, (await minhang.get(path)).status]).toEqual([path, 404]);
  }
  const runNos = async (client: typeof pudong) =>
    ((await client.get('/billing/runs')).body.items as any[]).map((item) => item.runNo);
  expect(await runNos(pudong)).toContain(run.runNo);
  expect(await runNos(minhang)).not.toContain(run.runNo);
  const summaryNos = async (client: typeof pudong, query = '') =>
    ((await client.get(`/billing/run-summaries${query}`)).body.items as any[]).map((item) => item.runNo);
  expect(await summaryNos(pudong)).toContain(run.runNo);
  expect(await summaryNos(minhang)).not.toContain(run.runNo);
  expect(await summaryNos(minhang, `?sectionId=${section.id}`)).toEqual([]);
  const sectionCodes = ((await minhang.get('/billing/sections')).body.items as any[]).map((item) => item.code);
  expect(sectionCodes).not.toContain(section.code);
  const started = await minhang.post('/billing/runs', { sectionId: section.id, period: '2026-12' });
  expect(started.status).toBe(404);
  // A section is made for one of its maker's units only.
  const pudongSection = { code: 'PD-SC2', name: '浦东二段', unitCode: 'SH-PD', readingDay: 20 };
  const refused = await minhang.post('/billing/sections', pudongSection);
  expect([refused.status, refused.body.details?.[0]?.field]).toEqual([400, 'unitCode']);
  expect(
    (await minhang.post('/billing/sections', { ...pudongSection, code: 'MH-SC2', unitCode: 'SH-MH' })).status,
  ).toBe(201);
  expect((await pudong.post('/billing/sections', pudongSection)).status).toBe(201);

  // Collection: the account's arrears and a counter payment.
  const minhangCashier = await platform.as('mh-cashier');
  const pudongCashier = await platform.as(PUDONG_CASHIER.login);
  expect((await minhangCashier.get(`/collection/accounts/${account.accountNo}`)).status).toBe(404);
  expect((await pudongCashier.get(`/collection/accounts/${account.accountNo}`)).status).toBe(200);
  const payment = { accountNo: account.accountNo, amountFen: 100, method: 'cash' };
  expect((await minhangCashier.post('/collection/counter/payments', payment)).status).toBe(404);
  expect((await pudongCashier.post('/collection/counter/payments', payment)).status).toBe(201);
});
