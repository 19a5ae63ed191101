/**
 * The platform opens the day's arrears cases itself (decision 0060): once a day at ARREARS_OPEN_HOUR of the
 * application's clock, not before the hour, not twice the same day, and on the next day again.
 */
import { ArrearsCase } from '../../db/collection/collection-models';
import { readAppConfig } from '../../lib/config/app-config';
import { addDays } from '../../lib/calendar';
import { startPlatform, usePlatform, type Platform } from '../platform/platform-kit';
import { chinaHour } from './arrears-kit';
import { issueBill, seedAccount, seedPeople } from './collection-kit';

const OPEN_HOUR = 9;
let platform: Platform;
usePlatform(
  async (started) => {
    platform = started;
    await seedPeople();
  },
  () => startPlatform({ ARREARS_OPEN_HOUR: String(OPEN_HOUR) }),
);

const caseOfAccount = (accountId: number) => ArrearsCase.findOne({ where: { accountId } });

test('the cases of the day are opened at the configured hour, once a day', async () => {
  const dueDate = '2027-09-06';
  const day = addDays(dueDate, 4);
  await platform.pinClock(chinaHour(day, OPEN_HOUR - 1));
  const first = await seedAccount('residential');
  await issueBill(first.id, '2027-08', 12_000, dueDate);
  // Pinning runs the check at once (the clock's listeners are awaited): before the hour, nothing opens.
  await platform.pinClock(new Date(chinaHour(day, OPEN_HOUR - 1).getTime() + 30 * 60_000));
  expect(await caseOfAccount(first.id)).toBeNull();

  await platform.pinClock(new Date(chinaHour(day, OPEN_HOUR).getTime() + 5 * 60_000));
  const opened = await caseOfAccount(first.id);
  expect(opened).toMatchObject({ status: 'open', openedOn: day, unitCode: 'SH-PD' });
  expect(opened!.processInstanceKey).not.toBeNull();

  // Later the same day: today's run is made; an account overdue since is left for tomorrow's.
  const second = await seedAccount('residential');
  await issueBill(second.id, '2027-08', 9_000, dueDate);
  await platform.pinClock(chinaHour(day, 15));
  expect(await caseOfAccount(second.id)).toBeNull();
  await platform.pinClock(new Date(chinaHour(addDays(day, 1), OPEN_HOUR).getTime() + 60_000));
  expect(await caseOfAccount(second.id)).toMatchObject({ openedOn: addDays(day, 1) });
  expect(await ArrearsCase.count({ where: { accountId: first.id } })).toBe(1);
});

test('ARREARS_OPEN_HOUR off switches the daily opening off', () => {
  expect(readAppConfig({ ARREARS_OPEN_HOUR: 'off' }).ARREARS_OPEN_HOUR).toBeNull();
  expect(readAppConfig({}).ARREARS_OPEN_HOUR).toBe(8);
  expect(() => readAppConfig({ ARREARS_OPEN_HOUR: '24' })).toThrow(/ARREARS_OPEN_HOUR/);
});
