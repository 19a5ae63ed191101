/**
 * Where a change case waits on the customer or on 业扩, end to end: the works fee (site work only after it is
 * paid in full, the case clock paused meanwhile), the extension of a temporary supply (the expiry wait starts again
 * with the new date), and the old account of a relocation closed only once its bills are paid.
 */
import { searchVariables } from '../../lib/camunda/engine-api';
import { Account } from '../../db/core/customer-models';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  REQUESTED,
  TODAY,
  accountNow,
  addBill,
  archive,
  completeSteps,
  onDay,
  contract,
  payFee,
  review,
  seedAccount,
  siteWork,
  startCase,
  waitForCase,
  waitForStatus,
} from './change-of-use-kit';

let platform: Platform;

/** What 业扩 asks of a 10 kV company for a new connection, handed in with the change application. */
const documents = [
  'application-letter',
  'business-licence',
  'land-property-proof',
  'equipment-list',
  'legal-person-id',
  'site-plan',
  'project-approval',
].map((kind) => ({ kind, name: `${kind}.pdf` }));

usePlatform((started) => {
  platform = started;
});

beforeEach(async () => {
  await platform.pinClock(TODAY);
});

const caseClock = async (applicationNo: string) =>
  (await (await platform.as('zhoumin')).get(`/time-limits/cases/${applicationNo}`)).body;

/** The case clock's worker runs after the step the test waited for: wait for the clock to reach `state`. */
const clockIn = (applicationNo: string, state: string) =>
  waitFor(async () => ((await caseClock(applicationNo)).state === state ? true : undefined), {
    description: `case clock ${state}`,
  });

const noTask = (processInstanceKey: string, elementId: string) =>
  expect(platform.openTask(processInstanceKey, elementId, 1500)).rejects.toThrow(/timed out/);

/** Waits until the process variable, as the engine holds it, satisfies `holds`; answers its value. */
async function processVariable(processInstanceKey: string, name: string, holds: (value: any) => boolean) {
  return waitFor(
    async () => {
      const found = await searchVariables(platform.application.services.camunda, {
        filter: { processInstanceKey, name },
      });
      const values = found.map((item) => JSON.parse(item.value));
      return values.find(holds);
    },
    { timeout: 10_000, interval: 150, description: `variable ${name}` },
  );
}

test('meter move: the site work waits until the fee is paid in full; no fee, overpaying and bad input refused', async () => {
  const account = await seedAccount();
  const move = await startCase(platform, { accountId: account.id, changeType: 'meter-move', newMeterLocation: '东墙' });
  const clerk = await platform.as('zhangli');
  const payments = `/change-of-use/applications/${move.applicationNo}/payments`;
  await completeSteps(platform, move.processInstanceKey, [review({ feeYuan: 1000 })]);
  const waiting = await waitForCase(platform, move.applicationNo, (found) => found.waitingFor.includes('payment'));
  expect(waiting).toMatchObject({ fee: { dueFen: 100_000, paidFen: 0, settled: false }, currentTasks: [] });
  await clockIn(move.applicationNo, 'paused');

  const over = await clerk.post(payments, { amountFen: 100_001, method: 'counter' });
  expect([over.status, over.body.code, over.body.details]).toEqual([409, 'OVERPAID', { leftFen: 100_000 }]);
  expect((await clerk.post(payments, { amountFen: -5, method: 'counter' })).status).toBe(400);
  expect((await clerk.post(payments, { amountFen: 100, method: 'cheque' })).status).toBe(400);
  expect((await (await platform.as('sunhao')).post(payments, { amountFen: 100, method: 'counter' })).status).toBe(403);
  const part = await payFee(platform, move.applicationNo, 40_000);
  expect(part).toMatchObject({ status: 201, body: { dueFen: 100_000, paidFen: 40_000, settled: false } });
  await noTask(move.processInstanceKey, 'site_work');

  await platform.pinClock('2026-11-11T02:00:00Z');
  const rest = await payFee(platform, move.applicationNo);
  expect(rest).toMatchObject({ status: 201, body: { paidFen: 100_000, settled: true } });
  await platform.openTask(move.processInstanceKey, 'site_work');
  const clock = await caseClock(move.applicationNo);
  expect(clock).toMatchObject({ state: 'running', pauses: [{ from: expect.any(String), to: expect.any(String) }] });
  expect(Date.parse(clock.pauses[0].to) - Date.parse(clock.pauses[0].from)).toBe(86_400_000);
  const again = await payFee(platform, move.applicationNo, 1);
  expect([again.status, again.body.code]).toEqual([409, 'OVERPAID']);

  await completeSteps(platform, move.processInstanceKey, [siteWork('sunhao', '2026-11-20'), archive]);
  const done = await waitForStatus(platform, move.applicationNo, 'completed');
  expect(done.payments.map((p: any) => p.amountFen)).toEqual([40_000, 60_000]);

  await platform.pinClock(TODAY);
  const other = await seedAccount();
  const noFee = await startCase(platform, {
    accountId: other.id,
    changeType: 'category-change',
    newCategory: 'commercial',
  });
  // No site work: the category changes on the day asked for, and the contract follows.
  await completeSteps(platform, noFee.processInstanceKey, [review(), onDay(REQUESTED)]);
  await platform.openTask(noFee.processInstanceKey, 'contract');
  const direct = await clerk.post(`/change-of-use/applications/${noFee.applicationNo}/payments`, {
    amountFen: 100,
    method: 'counter',
  });
  expect([direct.status, direct.body.code]).toEqual([422, 'NO_FEE_DUE']);
  expect(
    (await clerk.post('/change-of-use/applications/BG00000000-0000/payments', { amountFen: 1, method: 'counter' }))
      .status,
  ).toBe(404);
}, 60_000);

test('temporary supply extended once by 3 months: the expiry wait restarts and fires at the new date', async () => {
  const account = await seedAccount();
  const clerk = await platform.as('zhangli');
  const extend = (applicationNo: string, body: Record<string, unknown>) =>
    clerk.post(`/change-of-use/applications/${applicationNo}/extend`, body);
  const body = { capacityKva: 100, address: '上海市浦东新区工地路9号', voltage: '380V' };
  const supply = await startCase(platform, { accountId: account.id, changeType: 'temporary-supply', ...body });
  const early = await extend(supply.applicationNo, { months: 3, reason: '工期延长' });
  expect([early.status, early.body.code]).toEqual([409, 'CONFLICT']);
  await completeSteps(platform, supply.processInstanceKey, [review(), siteWork('sunhao', '2026-11-25'), contract()]);
  const waiting = await waitForCase(platform, supply.applicationNo, (found) => found.waitingFor.includes('expiry'));
  expect(waiting.expiresAt).toBe('2027-05-24T16:00:00.000Z');

  const tooLong = await extend(supply.applicationNo, { months: 7, reason: '工期延长' });
  expect([tooLong.status, tooLong.body.code, tooLong.body.details]).toEqual([422, 'EXTENSION_TOO_LONG', { max: 6 }]);
  expect((await extend(supply.applicationNo, { months: 0, reason: '工期延长' })).status).toBe(400);
  expect((await extend(supply.applicationNo, { months: 3 })).status).toBe(400);
  const extended = await extend(supply.applicationNo, { months: 3, reason: '工期延长' });
  expect(extended).toMatchObject({ status: 200, body: { expiresAt: '2027-08-24T16:00:00.000Z' } });
  const second = await extend(supply.applicationNo, { months: 1, reason: '再延' });
  expect([second.status, second.body.code]).toEqual([422, 'EXTENSION_LIMIT']);
  await processVariable(supply.processInstanceKey, 'expiresAt', (value) => value === '2027-08-24T16:00:00.000Z');
  const detail = await waitForCase(platform, supply.applicationNo, (found) => found.waitingFor.includes('expiry'));
  expect(detail).toMatchObject({ expiresAt: '2027-08-24T16:00:00.000Z', extensions: [{ months: 3, sequence: 1 }] });

  await platform.pinClock('2027-05-25T01:00:00Z');
  await noTask(supply.processInstanceKey, 'restore');
  await platform.pinClock('2027-08-25T01:00:00Z');
  await completeSteps(platform, supply.processInstanceKey, [
    ['restore', 'sunhao', { restoreOutcome: 'ended', restoredOn: '2027-08-25' }],
    archive,
  ]);
  const done = await waitForStatus(platform, supply.applicationNo, 'completed');
  const created = done.accountChanges.find((c: any) => c.field === 'created');
  expect((await accountNow(created.accountId)).status).toBe('closed');
}, 60_000);

test('a temporary swap cannot be extended: the route allows no extension', async () => {
  const account = await seedAccount({ capacityKva: 400 });
  const swap = await startCase(platform, { accountId: account.id, changeType: 'temporary-swap', newCapacityKva: 630 });
  const answer = await (
    await platform.as('zhangli')
  ).post(`/change-of-use/applications/${swap.applicationNo}/extend`, { months: 1, reason: '延期' });
  expect([answer.status, answer.body.code]).toEqual([422, 'EXTENSION_NOT_ALLOWED']);
});

test('relocation elsewhere: the old account is closed after the new one is energized, not while bills are unpaid', async () => {
  const account = await seedAccount();
  const bill = await addBill(account.id, '2026-11', 8_800, '2026-12-15');
  const move = await startCase(platform, {
    accountId: account.id,
    changeType: 'relocation',
    newAddress: '上海市浦东新区新址路100号',
    sameSupplyPoint: false,
    documents,
  });
  await completeSteps(platform, move.processInstanceKey, [review()]);
  const first = await platform.openTask(move.processInstanceKey, 'old_account_close');
  // A clerk's step like the others: its due date from the time-limit table (2 working days).
  expect(first.dueDate).toEqual(expect.any(String));
  const handedOver = await waitForCase(platform, move.applicationNo, (found) =>
    found.waitingFor.includes('new-connection'),
  );
  expect(handedOver.newConnectionNo).toMatch(/^YK/);
  await clockIn(move.applicationNo, 'paused');

  const closeTask = { newConnectionEnergized: true, closedOn: '2026-12-01' };
  await completeSteps(platform, move.processInstanceKey, [['old_account_close', 'zhangli', closeTask]]);
  const reopened = await waitFor(
    async () => {
      const task = await platform.openTask(move.processInstanceKey, 'old_account_close');
      return task.userTaskKey !== first.userTaskKey ? task : undefined;
    },
    { timeout: 10_000, description: 'the closing task given back' },
  );
  expect(reopened).toBeDefined();
  expect((await accountNow(account.id)).status).toBe('active');
  const note = await processVariable(move.processInstanceKey, 'closeNote', (value) => typeof value === 'string');
  expect(note).toContain('88.00');
  const notices = await (await platform.as('admin')).get(`/notifications?businessKey=${move.applicationNo}`);
  const notice = notices.body.items.find((n: any) => n.kind === 'close-refused');
  expect(notice).toMatchObject({ recipientType: 'customer' });
  expect(notice.body).toContain('88.00');

  await bill.update({ paidAt: new Date('2026-11-10T03:00:00Z') });
  await completeSteps(platform, move.processInstanceKey, [['old_account_close', 'zhangli', closeTask], archive]);
  const done = await waitForStatus(platform, move.applicationNo, 'completed');
  expect(await accountNow(account.id)).toMatchObject({ status: 'closed', basicChargeStoppedOn: '2026-12-01' });
  expect(done.accountChanges).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: 'status', newValue: 'closed', effectiveOn: '2026-12-01' }),
      expect.objectContaining({ field: 'closedFor', newValue: done.newConnectionNo }),
    ]),
  );
  await clockIn(move.applicationNo, 'finished');
  expect(await Account.count({ where: { id: account.id, status: 'closed' } })).toBe(1);
}, 60_000);
