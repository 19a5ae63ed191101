/**
 * 更名 / 过户 / 分户 / 并户 / 销户 end to end: debts settled first (refused up front by the API, and at the
 * process's own check when a bill fell overdue after acceptance), new contracts, owners and accounts after.
 */
import { Account, Customer } from '../../db/core/customer-models';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  TODAY,
  accountNow,
  addBill,
  archive,
  completeSteps,
  contract,
  pay,
  review,
  seedAccount,
  siteWork,
  startCase,
  submit,
  waitForStatus,
} from './change-of-use-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

// Steps move the clock to the days they record (change-of-use-kit): each test starts on TODAY again.
beforeEach(async () => {
  await platform.pinClock(TODAY);
});

const newOwner = { kind: 'person', name: '李明', idNumber: '310115199001011232', phone: '13800138000' };

test('a transfer with unpaid bills is refused with the amount, and nothing is created', async () => {
  const account = await seedAccount();
  await addBill(account.id, '2026-09', 123_456, '2026-10-15');
  await addBill(account.id, '2026-10', 10_000, '2026-11-05');
  const before = { applications: await ChangeApplication.count(), customers: await Customer.count() };
  const refused = await submit(platform, { accountId: account.id, changeType: 'transfer', newCustomer: newOwner });
  expect(refused.status).toBe(422);
  expect(refused.body.code).toBe('UNPAID_BILLS');
  expect(refused.body.message).toContain('1334.56');
  expect(refused.body.details.bills.map((b: any) => b.period)).toEqual(['2026-09', '2026-10']);
  expect({ applications: await ChangeApplication.count(), customers: await Customer.count() }).toEqual(before);
  const tasks = await (await platform.as('admin')).get('/tasks?scope=group');
  expect(tasks.body.items.filter((t: any) => t.processDefinitionId === 'change-of-use')).toHaveLength(0);
});

test('transfer: a bill that fell overdue after acceptance ends the case at the debt check', async () => {
  const account = await seedAccount();
  await addBill(account.id, '2026-10', 50_000, '2026-11-12');
  const transfer = await startCase(platform, { accountId: account.id, changeType: 'transfer', newCustomer: newOwner });
  await platform.pinClock('2026-11-13T02:00:00Z');
  try {
    await completeSteps(platform, transfer.processInstanceKey, [review()]);
    const refused = await waitForStatus(platform, transfer.applicationNo, 'refused');
    expect(refused.outcome).toContain('欠费未结清，不予办理');
    expect(refused.outcome).toContain('500.00');
    expect((await accountNow(account.id)).customerId).toBe(account.customerId);
  } finally {
    await platform.pinClock(TODAY);
  }
});

test('transfer with bills paid: the new owner holds the account under a new contract', async () => {
  const account = await seedAccount();
  const transfer = await startCase(platform, { accountId: account.id, changeType: 'transfer', newCustomer: newOwner });
  await completeSteps(platform, transfer.processInstanceKey, [review(), contract(), archive]);
  const done = await waitForStatus(platform, transfer.applicationNo, 'completed');
  const owner = await Customer.findOne({ where: { idNumber: newOwner.idNumber } });
  expect((await accountNow(account.id)).customerId).toBe(owner!.id);
  expect(done.contracts).toEqual([expect.objectContaining({ accountId: account.id, customerId: owner!.id })]);
});

test('rename: the customer gets the new name and a new contract', async () => {
  const account = await seedAccount();
  const rename = await startCase(platform, {
    accountId: account.id,
    changeType: 'rename',
    newName: '上海新名称有限公司',
  });
  await completeSteps(platform, rename.processInstanceKey, [review(), contract(), archive]);
  const done = await waitForStatus(platform, rename.applicationNo, 'completed');
  expect((await Customer.findByPk(account.customerId))!.name).toBe('上海新名称有限公司');
  expect(done.contracts).toHaveLength(1);
});

test('split: a new account with the split capacity, both re-contracted, the works fee charged', async () => {
  const account = await seedAccount({ capacityKva: 500 });
  const split = await startCase(platform, { accountId: account.id, changeType: 'split', splitCapacityKva: 200 });
  await completeSteps(platform, split.processInstanceKey, [
    review({ feeYuan: 1500 }),
    pay,
    siteWork('sunhao', '2026-11-20'),
    contract(),
    archive,
  ]);
  const done = await waitForStatus(platform, split.applicationNo, 'completed');
  expect(done.feeFen).toBe(150_000);
  expect((await accountNow(account.id)).capacityKva).toBe(300);
  const created = done.accountChanges.find((c: any) => c.field === 'created');
  expect(Number((await Account.findByPk(created.accountId))!.capacityKva)).toBe(200);
  expect(done.contracts.map((c: any) => c.accountId).sort()).toEqual([account.id, created.accountId].sort());
});

test('merge: the capacity joins the target account, the source closes', async () => {
  const target = await seedAccount({ capacityKva: 315 });
  const source = await seedAccount({ capacityKva: 200 });
  const elsewhere = await seedAccount({ supplyPoint: '另一供电点' });
  const refused = await submit(platform, { accountId: elsewhere.id, changeType: 'merge', targetAccountId: target.id });
  expect(refused.body.code).toBe('NOT_SAME_SITE');
  const merge = await startCase(platform, { accountId: source.id, changeType: 'merge', targetAccountId: target.id });
  await completeSteps(platform, merge.processInstanceKey, [
    review({ feeYuan: 800 }),
    pay,
    siteWork('sunhao', '2026-11-20'),
    contract(),
    archive,
  ]);
  const done = await waitForStatus(platform, merge.applicationNo, 'completed');
  expect((await accountNow(target.id)).capacityKva).toBe(515);
  expect((await accountNow(source.id)).status).toBe('closed');
  expect(done.contracts).toEqual([expect.objectContaining({ accountId: target.id })]);
});

test('close: all bills paid, meter removed, deposit refunded, account closed', async () => {
  const account = await seedAccount();
  const paid = await addBill(account.id, '2026-09', 20_000, '2026-10-15');
  await paid.update({ paidAt: new Date('2026-10-10T00:00:00Z') });
  const close = await startCase(platform, { accountId: account.id, changeType: 'close' });
  await completeSteps(platform, close.processInstanceKey, [review(), siteWork('sunhao', '2026-11-19'), archive]);
  const done = await waitForStatus(platform, close.applicationNo, 'completed');
  expect(await accountNow(account.id)).toMatchObject({ status: 'closed', basicChargeStoppedOn: '2026-11-19' });
  expect(done.accountChanges).toEqual(
    expect.arrayContaining([expect.objectContaining({ field: 'deposit', newValue: 'refunded' })]),
  );
});
