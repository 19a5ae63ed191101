/**
 * A suspension from 变更用电 reaches the bill: one 630 kVA transformer of a 1,250 kVA customer suspended through
 * the real engine and application (the case's effective-date timer takes it into force on 12-12), and the December
 * bill computed by the seeded rules has its basic charge pro-rated: 35,000 − 630 × 28 × 20 / 30 = 23,240.00 元.
 */
import { computeBill, loadBillableAccounts, loadTariffBook } from '../../domain/billing/tariff';
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  accountNow,
  archive,
  completeSteps,
  morningOf,
  review,
  seedAccount,
  siteWork,
  startCase,
  waitForCase,
} from '../change-of-use/change-of-use-kit';
import { addTariffVersion } from './billing-database-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

test('one transformer suspended mid-December: the basic charge of its kVA stops for the 20 days', async () => {
  await platform.pinClock(morningOf('2026-12-02'));
  const account = await seedAccount({ capacityKva: 1250 });
  await addTariffVersion(account.id, { powerFactorStandard: null });
  const tooMuch = await (
    await platform.as('zhangli')
  ).post('/change-of-use/applications', {
    accountId: account.id,
    changeType: 'suspend',
    suspendedKva: 1600,
    requestedDate: '2026-12-12',
    reason: '一台变压器检修',
  });
  expect(tooMuch.status).toBe(422);

  const suspend = await startCase(platform, {
    accountId: account.id,
    changeType: 'suspend',
    suspendedKva: 630,
    requestedDate: '2026-12-12',
  });
  await completeSteps(platform, suspend.processInstanceKey, [review(), siteWork('zhaolei', '2026-12-07')]);
  await platform.pinClock('2026-12-11T16:00:01Z'); // 00:00:01 on 12-12 China time: the timer takes it into force
  const effective = await waitForCase(platform, suspend.applicationNo, (found) => found.effectiveOn !== null);
  expect(effective.effectiveOn).toBe('2026-12-12');
  expect(effective.accountChanges).toEqual(
    expect.arrayContaining([expect.objectContaining({ field: 'suspendedKva', newValue: '630' })]),
  );
  expect(await accountNow(account.id)).toMatchObject({ status: 'suspended', capacityKva: 1250 });
  await completeSteps(platform, suspend.processInstanceKey, [archive]);

  const billable = (await loadBillableAccounts([account.id], '2026-12')).get(account.id)!;
  expect(billable.capacityOff).toEqual([
    { kva: 630, days: 20, reason: 'suspended', from: '2026-12-12', to: '2026-12-31' },
  ]);
  const bill = computeBill(billable, { energyKwh: { total: 0 } }, '2026-12', await loadTariffBook());
  const basic = bill.lines.filter((line) => line.kind.startsWith('basic'));
  expect(basic.map((line) => [line.kind, line.amountFen])).toEqual([
    ['basic-capacity', 3_500_000],
    ['basic-proration', -1_176_000],
  ]);
  expect(bill.amountFen).toBe(2_324_000);
  // November was billed in full: the suspension had not begun.
  const november = (await loadBillableAccounts([account.id], '2026-11')).get(account.id)!;
  expect(november.capacityOff).toEqual([]);
});
