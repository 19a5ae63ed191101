/**
 * The arrears process end to end on pinned clocks (engine and application together): the reminder, the grace
 * period, the written notice, the second notice before the cut, the disconnection order for a crew, payment, and
 * the reconnection order with its 24-hour time limit; and a residential customer spared on an extreme-weather day,
 * whose payment then stops the flow before any cut.
 */
import { Account } from '../../db/core/customer-models';
import { AuditEntry } from '../../db/core/audit-models';
import { penaltyOf } from '../../domain/collection';
import { addDays } from '../../lib/calendar';
import { searchProcessInstances } from '../../lib/camunda/engine-api';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  HOUR_MS,
  arrearsRules as rules,
  caseOf as caseOfOn,
  chinaHour,
  customerNotices as noticesOn,
  openCaseOf as openCaseOn,
  waitForCase as waitForCaseOn,
} from './arrears-kit';
import { CREW, accountView, issueBill, payAtCounter, seedAccount, seedPeople } from './collection-kit';

let platform: Platform;
usePlatform(async (started) => {
  platform = started;
  await seedPeople();
});

const caseOf = (caseNo: string) => caseOfOn(platform, caseNo);
const waitForCase = (caseNo: string, holds: (found: any) => boolean, what: string) =>
  waitForCaseOn(platform, caseNo, holds, what);
const openCaseOf = (accountNo: string) => openCaseOn(platform, accountNo);
const customerNotices = (caseNo: string) => noticesOn(platform, caseNo);

/** The account's status and the audited changes of it. */
async function supplyOf(accountId: number) {
  const account = await Account.findByPk(accountId);
  const audited = await AuditEntry.findAll({
    where: { action: 'account.status', target: `account:${accountId}` },
    order: [['id', 'ASC']],
  });
  return { status: account?.status, audited: audited.map((entry) => (entry.detail as { to: string }).to) };
}

test('reminder, grace period, notice, second notice, disconnection by a crew, payment, reconnection within 24 h', async () => {
  const dueDate = '2026-11-15';
  await platform.pinClock(chinaHour('2026-11-20', 10));
  const account = await seedAccount('residential');
  await issueBill(account.id, '2026-10', 15_000, dueDate);
  const { caseNo, processInstanceKey } = await openCaseOf(account.accountNo);
  await waitForCase(caseNo, (found) => found.remindedAt !== null, 'reminded');
  expect((await customerNotices(caseNo)).some((notice) => notice.includes('催缴'))).toBe(true);

  // The grace period ends graceDays after the due date; the notice plans the cut noticeDays ahead at cutHour.
  const { grace, notice, rates } = await rules(dueDate);
  const noticeDay = addDays(dueDate, grace.graceDays + 1);
  await platform.pinClock(chinaHour(noticeDay, 10));
  const cutDay = addDays(noticeDay, notice.noticeDays);
  const cutAt = chinaHour(cutDay, notice.cutHour);
  const noticed = await waitForCase(caseNo, (found) => found.status === 'noticed', 'noticed');
  expect(new Date(noticed.cutPlannedAt).toISOString()).toBe(cutAt.toISOString());
  await platform.completeTask('heping', processInstanceKey, 'deliver_notice', { deliveryMethod: 'in-person' });

  // The second notice secondNoticeMinutes before the cut, then the cut itself: a working day, no weather flag.
  await platform.pinClock(new Date(cutAt.getTime() - (notice.secondNoticeMinutes - 5) * 60_000));
  await waitFor(
    async () => ((await customerNotices(caseNo)).some((n) => n.includes('停电前通知')) ? true : undefined),
    {
      description: 'second notice',
    },
  );
  await platform.pinClock(new Date(cutAt.getTime() + 5 * 60_000));
  await platform.completeTask(CREW, processInstanceKey, 'disconnect', {
    supplyCut: true,
    disconnectNote: '已按程序停电',
  });
  const cut = await waitForCase(caseNo, (found) => found.status === 'disconnected', 'disconnected');
  // The account says the supply is cut, and the change is audited.
  expect(await supplyOf(account.id)).toEqual({ status: 'disconnected', audited: ['disconnected'] });
  // The penalty accrues by the day: from the day after the due date to today, at the residential rate.
  const penalty = penaltyOf({ principalFen: 15_000, period: '2026-10', dueDate, until: cutDay, rates });
  expect(penalty.days).toBe(38);
  expect(cut).toMatchObject({ overdueFen: 15_000, penaltyFen: penalty.amountFen });

  // Payment after the cut: the reconnection order, due 24 hours after the payment.
  const owed = await accountView(platform, account.accountNo);
  expect(owed.owedFen).toBe(15_000 + penalty.amountFen);
  const paidAt = new Date(cutAt.getTime() + 2 * HOUR_MS);
  await platform.pinClock(paidAt);
  await payAtCounter(platform, account.accountNo, owed.owedFen);
  const order = await platform.openTask(processInstanceKey, 'reconnect');
  expect(order.candidateGroups).toEqual(['crew']);
  expect(new Date(order.dueDate).toISOString()).toBe(new Date(paidAt.getTime() + 24 * HOUR_MS).toISOString());
  expect((await caseOf(caseNo)).status).toBe('settled');

  // Past its time limit, the crew is told the order is overdue; then the crew restores supply.
  await platform.pinClock(new Date(paidAt.getTime() + 25 * HOUR_MS));
  await waitFor(
    async () => ((await customerNotices(caseNo)).some((n) => n.startsWith('overdue:')) ? true : undefined),
    {
      description: 'reconnection overdue alert',
    },
  );
  await platform.completeTask(CREW, processInstanceKey, 'reconnect', { supplyRestored: true, reconnectNote: '已复电' });
  await waitForCase(caseNo, (found) => found.status === 'reconnected', 'reconnected');
  expect(await supplyOf(account.id)).toEqual({ status: 'active', audited: ['disconnected', 'active'] });
});

test('a residential customer is not cut on an extreme-weather day; payment then stops the flow before any cut', async () => {
  const dueDate = '2027-02-08';
  await platform.pinClock(chinaHour('2027-02-15', 10));
  const account = await seedAccount('residential');
  await issueBill(account.id, '2027-01', 20_000, dueDate);
  const { caseNo, processInstanceKey } = await openCaseOf(account.accountNo);
  await waitForCase(caseNo, (found) => found.remindedAt !== null, 'reminded');
  const { grace, notice } = await rules(dueDate);
  const noticeDay = addDays(dueDate, grace.graceDays + 1);
  const cutDay = addDays(noticeDay, notice.noticeDays);
  const supervisor = await platform.as('maxiao');
  const flag = await supervisor.put('/collection/weather-flags', {
    area: 'SH-PD',
    day: cutDay,
    kind: 'storm',
    note: '暴雨红色预警',
  });
  expect(flag.status).toBe(200);

  await platform.pinClock(chinaHour(noticeDay, 10));
  await waitForCase(caseNo, (found) => found.status === 'noticed', 'noticed');
  await platform.completeTask('heping', processInstanceKey, 'deliver_notice', { deliveryMethod: 'post' });
  const cutAt = chinaHour(cutDay, notice.cutHour);
  await platform.pinClock(new Date(cutAt.getTime() + 5 * 60_000));
  // The decision forbids the cut today: it moves to the next day, and no crew gets an order.
  const moved = await waitForCase(
    caseNo,
    (found) => new Date(found.cutPlannedAt).getTime() === chinaHour(addDays(cutDay, 1), notice.cutHour).getTime(),
    'cut moved to the next day',
  );
  expect(moved.status).toBe('noticed');
  await expect(platform.openTask(processInstanceKey, 'disconnect', 1500)).rejects.toThrow(/timed out/);

  // The customer pays: the flow stops (interrupted), the case is settled, nothing is cut or reconnected.
  await payAtCounter(platform, account.accountNo, (await accountView(platform, account.accountNo)).owedFen);
  const settled = await waitForCase(caseNo, (found) => found.status === 'settled', 'settled');
  expect(settled.disconnectedAt).toBeNull();
  await waitFor(
    async () => {
      const [instance] = await searchProcessInstances(platform.application.services.camunda, {
        filter: { processInstanceKey },
      });
      return instance?.state === 'COMPLETED' ? instance : undefined;
    },
    { description: 'arrears instance completed' },
  );
});

test('on a rest day of the business calendar a residential cut moves to the next day; a non-residential one goes ahead', async () => {
  const dueDate = '2027-03-17';
  await platform.pinClock(chinaHour('2027-03-20', 10));
  const home = await seedAccount('residential');
  const shop = await seedAccount('commercial');
  await issueBill(home.id, '2027-02', 9_000, dueDate);
  await issueBill(shop.id, '2027-02', 90_000, dueDate);
  const homeCase = await openCaseOf(home.accountNo);
  const shopCase = await openCaseOf(shop.accountNo);
  const { grace, notice } = await rules(dueDate);
  const noticeDay = addDays(dueDate, grace.graceDays + 1);
  const cutDay = addDays(noticeDay, notice.noticeDays);
  // The cut day is a Saturday: a rest day in the business calendar.
  expect(new Date(`${cutDay}T00:00:00Z`).getUTCDay()).toBe(6);
  await platform.pinClock(chinaHour(noticeDay, 10));
  for (const { caseNo, processInstanceKey } of [homeCase, shopCase]) {
    await waitForCase(caseNo, (found) => found.status === 'noticed', 'noticed');
    await platform.completeTask('heping', processInstanceKey, 'deliver_notice', { deliveryMethod: 'in-person' });
  }
  await platform.pinClock(new Date(chinaHour(cutDay, notice.cutHour).getTime() + 5 * 60_000));
  await platform.openTask(shopCase.processInstanceKey, 'disconnect');
  await waitForCase(
    homeCase.caseNo,
    (found) => new Date(found.cutPlannedAt).getTime() === chinaHour(addDays(cutDay, 1), notice.cutHour).getTime(),
    'cut moved to the next day',
  );
  await expect(platform.openTask(homeCase.processInstanceKey, 'disconnect', 1500)).rejects.toThrow(/timed out/);
});
