/**
 * 暂停 / 暂停恢复 / 减容 / 减容恢复 end to end: the basic charge stops on the sealing day and restarts on the
 * unsealing day; a reduction changes the contract capacity and its resume brings the old capacity back.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  TODAY,
  accountNow,
  archive,
  completeSteps,
  contract,
  review,
  seedAccount,
  siteWork,
  startCase,
  submit,
  waitForStatus,
} from './change-of-use-kit';

let platform: Platform;

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(TODAY);
});

test('suspend: sealed on site, the basic charge stops on the sealing day; resume restarts it', async () => {
  const account = await seedAccount();
  const early = await submit(platform, { accountId: account.id, changeType: 'suspend', requestedDate: '2026-11-13' });
  expect(early.status).toBe(422);
  expect(early.body.details.earliest).toBe('2026-11-17');

  const suspend = await startCase(platform, { accountId: account.id, changeType: 'suspend' });
  expect(suspend.applicationNo).toMatch(/^BG20261110-\d{4}$/);
  await completeSteps(platform, suspend.processInstanceKey, [review(), siteWork('zhaolei', '2026-11-20'), archive]);
  const done = await waitForStatus(platform, suspend.applicationNo, 'completed');
  expect(done.accountChanges.map((c: any) => c.field)).toEqual(
    expect.arrayContaining(['status', 'basicChargeStoppedOn']),
  );
  expect(await accountNow(account.id)).toMatchObject({ status: 'suspended', basicChargeStoppedOn: '2026-11-20' });

  const refused = await submit(platform, { accountId: account.id, changeType: 'suspend' });
  expect(refused.status).toBe(422);
  const resume = await startCase(platform, { accountId: account.id, changeType: 'suspend-resume' });
  await completeSteps(platform, resume.processInstanceKey, [review(), siteWork('zhaolei', '2026-12-01'), archive]);
  await waitForStatus(platform, resume.applicationNo, 'completed');
  expect(await accountNow(account.id)).toMatchObject({
    status: 'active',
    basicChargeStoppedOn: '2026-11-20',
    basicChargeRestartsOn: '2026-12-01',
  });
});

test('capacity reduction and its resume: capacity, status, basic charge dates and new contracts', async () => {
  const account = await seedAccount({ capacityKva: 800 });
  const reduce = await startCase(platform, {
    accountId: account.id,
    changeType: 'capacity-reduction',
    newCapacityKva: 400,
  });
  await completeSteps(platform, reduce.processInstanceKey, [
    review(),
    siteWork('zhaolei', '2026-11-18'),
    contract(),
    archive,
  ]);
  const reduced = await waitForStatus(platform, reduce.applicationNo, 'completed');
  expect(reduced.contracts).toHaveLength(1);
  expect(await accountNow(account.id)).toMatchObject({
    status: 'reduced',
    capacityKva: 400,
    basicChargeStoppedOn: '2026-11-18',
  });

  const resume = await startCase(platform, { accountId: account.id, changeType: 'reduction-resume' });
  await completeSteps(platform, resume.processInstanceKey, [
    review(),
    siteWork('zhaolei', '2026-12-02'),
    contract('2026-12-02'),
    archive,
  ]);
  await waitForStatus(platform, resume.applicationNo, 'completed');
  expect(await accountNow(account.id)).toMatchObject({
    status: 'active',
    capacityKva: 800,
    basicChargeRestartsOn: '2026-12-02',
  });
});
