/**
 * The arrears flow's reminders, repeated as the `arrears-reminders` rule says until payment stops them; an important
 * customer's notice copied to the power authority; and arrears cases and their tasks kept to the account's unit
 * (decision 0025): another unit's collector finds neither the case nor its task.
 */
import { Customer } from '../../db/core/customer-models';
import { User } from '../../db/core/user-models';
import { hashPassword } from '../../domain/users';
import { addDays } from '../../lib/calendar';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { arrearsRules, caseNotifications, caseOf, chinaHour, openCaseOf, waitForCase } from './arrears-kit';
import { accountView, issueBill, payAtCounter, seedAccount, seedPeople } from './collection-kit';

/** A collector of Minhang: the same role as Pudong's 何平, another unit. */
const OTHER_UNIT_COLLECTOR = 'qf-minhang';

let platform: Platform;
usePlatform(async (started) => {
  platform = started;
  await seedPeople();
  await User.create({
    login: OTHER_UNIT_COLLECTOR,
    name: '周敏',
    roles: ['arrears-collector'],
    groups: ['SH-MH'],
    phone: null,
    passwordHash: await hashPassword('demo1234'),
  });
});

const reminders = async (caseNo: string) =>
  (await caseNotifications(platform, caseNo)).filter((item) => item.title.startsWith('电费催缴通知'));

test('reminders repeat at the rule interval during the grace period; payment between two stops the rest', async () => {
  const dueDate = '2027-04-12';
  const opened = addDays(dueDate, 3);
  await platform.pinClock(chinaHour(opened, 10));
  const account = await seedAccount('commercial');
  await issueBill(account.id, '2027-03', 42_000, dueDate);
  const { caseNo } = await openCaseOf(platform, account.accountNo);
  await waitForCase(platform, caseNo, (found) => found.remindedAt !== null, 'reminded');
  const { reminders: rule, grace, notice } = await arrearsRules(opened);
  expect(rule.count).toBeGreaterThan(2);
  expect(rule.intervalDays * 2).toBeLessThan(grace.graceDays);
  expect(await reminders(caseNo)).toHaveLength(1);

  // The second reminder comes intervalDays later at the cut hour, not before.
  const second = chinaHour(addDays(opened, rule.intervalDays), notice.cutHour);
  await platform.pinClock(new Date(second.getTime() - 60 * 60_000));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await reminders(caseNo)).toHaveLength(1);
  await platform.pinClock(new Date(second.getTime() + 60_000));
  await waitFor(async () => ((await reminders(caseNo)).length === 2 ? true : undefined), {
    description: 'second reminder',
  });
  expect((await reminders(caseNo))[0].title).toContain('第 2 次');
  expect((await caseOf(platform, caseNo)).status).toBe('open');

  // Paid before the third: the flow stops, no more reminders, no notice.
  await payAtCounter(platform, account.accountNo, (await accountView(platform, account.accountNo)).owedFen);
  await waitForCase(platform, caseNo, (found) => found.status === 'settled', 'settled');
  await platform.pinClock(chinaHour(addDays(dueDate, grace.graceDays + 2), 12));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await reminders(caseNo)).toHaveLength(2);
  expect((await caseOf(platform, caseNo)).noticeSentAt).toBeNull();
});

test("an important customer's notice is copied to the authority; the case and its tasks stay in the account's unit", async () => {
  const dueDate = '2027-06-08';
  await platform.pinClock(chinaHour(addDays(dueDate, 2), 10));
  const important = await seedAccount('commercial');
  await Customer.update({ important: true }, { where: { id: important.customerId } });
  const ordinary = await seedAccount('commercial');
  await issueBill(important.id, '2027-05', 80_000, dueDate);
  await issueBill(ordinary.id, '2027-05', 30_000, dueDate);
  const importantCase = await openCaseOf(platform, important.accountNo);
  const ordinaryCase = await openCaseOf(platform, ordinary.accountNo);

  const { grace } = await arrearsRules(dueDate);
  await platform.pinClock(chinaHour(addDays(dueDate, grace.graceDays + 1), 10));
  for (const { caseNo } of [importantCase, ordinaryCase])
    await waitForCase(platform, caseNo, (found) => found.status === 'noticed', 'noticed');
  const authority = (kase: { caseNo: string }) =>
    caseNotifications(platform, kase.caseNo).then((items) => items.filter((n) => n.recipientType === 'authority'));
  const [copy] = await authority(importantCase);
  expect(copy).toMatchObject({ kind: 'arrears-authority-copy', recipient: '电力管理部门 SH-PD' });
  expect(copy.body).toContain(important.accountNo);
  expect(await authority(ordinaryCase)).toEqual([]);

  // Pudong's collector has the delivery task; Minhang's sees neither the task, nor the case, nor it in the list.
  const task = await platform.openTask(importantCase.processInstanceKey, 'deliver_notice');
  const pudong = await platform.as('heping');
  const minhang = await platform.as(OTHER_UNIT_COLLECTOR);
  const groupTasks = async (login: string) =>
    ((await (await platform.as(login)).get('/tasks?scope=group')).body.items as any[]).map((t) => t.userTaskKey);
  expect(await groupTasks('heping')).toContain(task.userTaskKey);
  expect(await groupTasks(OTHER_UNIT_COLLECTOR)).not.toContain(task.userTaskKey);
  expect((await minhang.get(`/tasks/${task.userTaskKey}`)).status).toBe(404);
  expect((await pudong.get(`/tasks/${task.userTaskKey}`)).status).toBe(200);
  expect((await minhang.get(`/collection/arrears/${importantCase.caseNo}`)).status).toBe(404);
  const listed = ((await minhang.get('/collection/arrears')).body.items as any[]).map((item) => item.caseNo);
  expect(listed).not.toContain(importantCase.caseNo);
  expect((await minhang.post(`/tasks/${task.userTaskKey}/claim`)).status).toBe(404);
});
