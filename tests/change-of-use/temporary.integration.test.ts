/**
 * 暂换 / 暂拆 / 临时用电 end to end: the change runs until a timer at its expiry (computed from the site-work day
 * and the route's months), which reminds the customer and opens the restore task.
 */
import { Account } from '../../db/core/customer-models';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
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

async function notificationsOf(applicationNo: string) {
  const answer = await (await platform.as('admin')).get(`/notifications?businessKey=${applicationNo}`);
  return answer.body.items as any[];
}

test('temporary swap at 10 kV: larger capacity until the 2-month timer fires, then restored', async () => {
  const account = await seedAccount({ capacityKva: 400 });
  const swap = await startCase(platform, { accountId: account.id, changeType: 'temporary-swap', newCapacityKva: 630 });
  await completeSteps(platform, swap.processInstanceKey, [review(), siteWork('zhaolei', '2026-11-20')]);
  const waiting = await waitForCase(platform, swap.applicationNo, (found) => found.expiresAt, 'expiry set');
  expect(waiting.currentTasks).toEqual([]);
  expect(waiting.expiresAt).toBe('2027-01-19T16:00:00.000Z');
  expect((await accountNow(account.id)).capacityKva).toBe(630);

  await platform.pinClock('2027-01-19T15:59:00Z');
  await expect(platform.openTask(swap.processInstanceKey, 'restore', 1500)).rejects.toThrow(/timed out/);
  await platform.pinClock('2027-01-20T01:00:00Z');
  await platform.openTask(swap.processInstanceKey, 'restore');
  expect((await notificationsOf(swap.applicationNo)).map((n) => n.kind)).toEqual(expect.arrayContaining(['expiry']));
  await completeSteps(platform, swap.processInstanceKey, [
    ['restore', 'zhaolei', { restoreOutcome: 'restored', restoredOn: '2027-01-20' }],
    archive,
  ]);
  await waitForStatus(platform, swap.applicationNo, 'completed');
  expect((await accountNow(account.id)).capacityKva).toBe(400);
  // The whole-case clock stood still while the swap ran: two months do not make the case overdue.
  // The clock is finished by the step after the archive: wait for it rather than race it.
  const clock = await waitFor(
    async () => {
      const answer = await (await platform.as('zhoumin')).get(`/time-limits/cases/${swap.applicationNo}`);
      return answer.body.state === 'finished' && answer;
    },
    { description: 'the whole-case clock finished' },
  );
  expect(clock.body).toMatchObject({ state: 'finished', amount: 10, unit: 'WD', compliant: true });
  expect(clock.body.pauses).toHaveLength(1);
});

test('temporary removal past 6 months: the reminder says it now needs a new connection', async () => {
  const account = await seedAccount({ voltage: '380V', capacityKva: 50, category: 'commercial' });
  const removal = await startCase(platform, { accountId: account.id, changeType: 'temporary-removal' });
  await completeSteps(platform, removal.processInstanceKey, [review(), siteWork('sunhao', '2026-11-20')]);
  await waitForCase(platform, removal.applicationNo, (found) => found.expiresAt === '2027-05-19T16:00:00.000Z');
  expect((await accountNow(account.id)).status).toBe('removed');
  await platform.pinClock('2027-05-20T01:00:00Z');
  await platform.openTask(removal.processInstanceKey, 'restore');
  const reminder = (await notificationsOf(removal.applicationNo)).find((n) => n.recipientType === 'customer');
  expect(reminder.body).toContain('按新装办理');
  await completeSteps(platform, removal.processInstanceKey, [
    ['restore', 'sunhao', { restoreOutcome: 'new-connection-required', restoredOn: '2027-05-20' }],
    archive,
  ]);
  await waitForStatus(platform, removal.applicationNo, 'completed');
  expect((await accountNow(account.id)).status).toBe('closed');
});

test('temporary supply: a temporary account for 6 months, closed at expiry', async () => {
  const account = await seedAccount();
  const supply = await startCase(platform, {
    accountId: account.id,
    changeType: 'temporary-supply',
    capacityKva: 100,
    address: '上海市浦东新区工地路8号',
    voltage: '380V',
  });
  await completeSteps(platform, supply.processInstanceKey, [review(), siteWork('sunhao', '2026-11-25'), contract()]);
  const waiting = await waitForCase(platform, supply.applicationNo, (found) => found.expiresAt, 'expiry set');
  expect(waiting.expiresAt).toBe('2027-05-24T16:00:00.000Z');
  const created = waiting.accountChanges.find((c: any) => c.field === 'created');
  const temporary = await Account.findByPk(created.accountId);
  expect(temporary).toMatchObject({ status: 'active', address: '上海市浦东新区工地路8号', voltage: '380V' });
  await platform.pinClock('2027-05-25T01:00:00Z');
  await completeSteps(platform, supply.processInstanceKey, [
    ['restore', 'sunhao', { restoreOutcome: 'ended', restoredOn: '2027-05-25' }],
    archive,
  ]);
  const done = await waitForStatus(platform, supply.applicationNo, 'completed');
  expect((await accountNow(created.accountId)).status).toBe('closed');
  expect(done.contracts).toEqual([expect.objectContaining({ accountId: created.accountId })]);
});

test('temporary swap at 35 kV may run 3 months', async () => {
  const account = await seedAccount({ voltage: '35kV', capacityKva: 5000 });
  const swap = await startCase(platform, { accountId: account.id, changeType: 'temporary-swap', newCapacityKva: 6300 });
  await completeSteps(platform, swap.processInstanceKey, [review(), siteWork('zhaolei', '2026-11-20')]);
  const waiting = await waitForCase(platform, swap.applicationNo, (found) => found.expiresAt, 'expiry set');
  expect(waiting.expiresAt).toBe('2027-02-19T16:00:00.000Z');
});
