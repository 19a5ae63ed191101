/**
 * 暂停 / 暂停恢复 / 减容 / 减容恢复 end to end: a suspension or reduction takes effect on the day asked for (not
 * before the sealing), through the process's timer, and the basic charge stops that day; a resume takes effect
 * on the unsealing day; a reduction changes the contract capacity and its resume brings the old capacity back.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  TODAY,
  accountNow,
  archive,
  completeSteps,
  contract,
  morningOf,
  review,
  seedAccount,
  siteWork,
  startCase,
  submit,
  waitForCase,
  waitForStatus,
} from './change-of-use-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

beforeEach(async () => {
  await platform.pinClock(TODAY);
});

test('a suspension asked for 12-15 and sealed on 12-07 suspends the account on 12-15, through the timer', async () => {
  await platform.pinClock(morningOf('2026-12-07'));
  const account = await seedAccount();
  const suspend = await startCase(platform, {
    accountId: account.id,
    changeType: 'suspend',
    requestedDate: '2026-12-15',
  });
  await completeSteps(platform, suspend.processInstanceKey, [review(), siteWork('zhaolei', '2026-12-07')]);
  // Sealed on 12-07: the case waits for the day asked for; the account is unchanged, nothing is recorded yet.
  const waiting = await waitForCase(
    platform,
    suspend.applicationNo,
    (found) => found.waitingFor.includes('effective-date'),
    'waiting for the effective date',
  );
  expect(waiting).toMatchObject({ status: 'in-progress', effectiveOn: null, accountChanges: [] });
  expect(await accountNow(account.id)).toMatchObject({ status: 'active', basicChargeStoppedOn: null });
  await platform.pinClock('2026-12-14T15:59:00Z'); // 23:59 on 12-14 China time
  expect(await accountNow(account.id)).toMatchObject({ status: 'active' });

  await platform.pinClock('2026-12-14T16:00:01Z'); // 00:00:01 on 12-15
  const effective = await waitForCase(platform, suspend.applicationNo, (found) => found.effectiveOn !== null);
  expect(effective.effectiveOn).toBe('2026-12-15');
  expect(effective.accountChanges).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: 'status', newValue: 'suspended', effectiveOn: '2026-12-15' }),
    ]),
  );
  expect(await accountNow(account.id)).toMatchObject({ status: 'suspended', basicChargeStoppedOn: '2026-12-15' });
  await completeSteps(platform, suspend.processInstanceKey, [archive]);
  await waitForStatus(platform, suspend.applicationNo, 'completed');
});

test('sealed after the day asked for, the suspension takes effect at once, on the sealing day', async () => {
  const account = await seedAccount();
  const suspend = await startCase(platform, { accountId: account.id, changeType: 'suspend' }); // asks for 11-20
  await completeSteps(platform, suspend.processInstanceKey, [review(), siteWork('zhaolei', '2026-11-23')]);
  const effective = await waitForCase(platform, suspend.applicationNo, (found) => found.effectiveOn !== null);
  expect(effective.effectiveOn).toBe('2026-11-23');
  expect(effective.waitingFor).not.toContain('effective-date');
  expect(await accountNow(account.id)).toMatchObject({ status: 'suspended', basicChargeStoppedOn: '2026-11-23' });
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
  await platform.pinClock(TODAY); // the resume is applied for on the same day as the suspension
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
    basicChargeStoppedOn: '2026-11-20', // sealed on 11-18, effective on the day asked for
  });

  await platform.pinClock(TODAY);
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
