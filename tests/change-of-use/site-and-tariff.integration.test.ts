/**
 * 迁址 / 移表 / 改压 / 改类 end to end: a relocation to another supply point (or a voltage change with more
 * capacity) becomes a 业扩 application; the others change the account, charge the works fee where the customer
 * pays, and renew the contract.
 */
import { Application } from '../../db/business-expansion';
import { seedChangeOfUseDemo } from '../../platform/seed/change-of-use-demo';
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  TODAY,
  accountNow,
  archive,
  completeSteps,
  contract,
  pay,
  review,
  seedAccount,
  siteWork,
  startCase,
  payFee,
  waitForCase,
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

/** Every kind a 业扩 class may ask for, as handed in at the counter with the change application. */
const documents = [
  'application-form',
  'application-letter',
  'business-licence',
  'land-property-proof',
  'equipment-list',
  'legal-person-id',
  'site-plan',
  'project-approval',
].map((kind) => ({ kind, name: `${kind}.pdf` }));

test('relocation to another supply point becomes a new connection in the 业扩 area', async () => {
  const account = await seedAccount();
  const move = await startCase(platform, {
    accountId: account.id,
    changeType: 'relocation',
    newAddress: '上海市浦东新区新址路99号',
    sameSupplyPoint: false,
    documents,
  });
  await completeSteps(platform, move.processInstanceKey, [
    review(),
    ['old_account_close', 'zhangli', { newConnectionEnergized: true, closedOn: '2026-11-20' }],
    archive,
  ]);
  const done = await waitForStatus(platform, move.applicationNo, 'completed');
  expect(done.newConnectionNo).toMatch(/^YK\d{8}-\d{4}$/);
  expect(done.outcome).toContain(done.newConnectionNo);
  const created = await Application.findOne({ where: { applicationNo: done.newConnectionNo } });
  expect(created).toMatchObject({
    businessType: 'new',
    customerId: account.customerId,
    address: '上海市浦东新区新址路99号',
    accountId: null,
    sourceReference: move.applicationNo,
  });
  expect((await accountNow(account.id)).address).toBe(account.address);
  expect((await accountNow(account.id)).status).toBe('closed');
  // A redelivered handover job submits again: 业扩 answers the same application and creates nothing.
  const again = await (
    await platform.as('zhangli')
  ).post('/business-expansion/applications', {
    customerId: account.customerId,
    businessType: 'new',
    address: '上海市浦东新区新址路99号',
    voltage: created!.voltage,
    capacityKva: Number(created!.capacityKva),
    category: created!.category,
    documents,
    sourceReference: move.applicationNo,
  });
  expect(again.body.applicationNo).toBe(done.newConnectionNo);
  expect(await Application.count({ where: { sourceReference: move.applicationNo } })).toBe(1);
});

test('relocation at the same supply point: the meter moves with the address, the contract is renewed', async () => {
  const account = await seedAccount();
  const move = await startCase(platform, {
    accountId: account.id,
    changeType: 'relocation',
    newAddress: '上海市浦东新区测试路3号',
    sameSupplyPoint: true,
  });
  await completeSteps(platform, move.processInstanceKey, [
    review(),
    siteWork('sunhao', '2026-11-20'),
    contract(),
    archive,
  ]);
  const done = await waitForStatus(platform, move.applicationNo, 'completed');
  expect(done.newConnectionNo).toBeNull();
  expect((await accountNow(account.id)).address).toBe('上海市浦东新区测试路3号');
  expect(done.contracts).toHaveLength(1);
});

test('meter move: the customer is told the fee; the account keeps address, capacity and category', async () => {
  const account = await seedAccount();
  const move = await startCase(platform, {
    accountId: account.id,
    changeType: 'meter-move',
    newMeterLocation: '配电室东墙',
  });
  await completeSteps(platform, move.processInstanceKey, [
    review({ feeYuan: 860.5 }),
    pay,
    siteWork('sunhao', '2026-11-20'),
    archive,
  ]);
  const done = await waitForStatus(platform, move.applicationNo, 'completed');
  expect(done.feeFen).toBe(86_050);
  const notices = await (await platform.as('admin')).get(`/notifications?businessKey=${move.applicationNo}`);
  const fee = notices.body.items.find((n: any) => n.kind === 'fee-notice');
  expect(fee).toMatchObject({ recipientType: 'customer' });
  expect(fee.body).toContain('860.50');
  expect(done.accountChanges).toEqual([expect.objectContaining({ field: 'meterLocation', newValue: '配电室东墙' })]);
  const now = await accountNow(account.id);
  expect([now.address, now.capacityKva, now.category]).toEqual([account.address, 630, account.category]);
});

test('voltage change: the new voltage after inspection, fee and contract; with more capacity it goes to 业扩', async () => {
  const account = await seedAccount();
  const change = await startCase(platform, { accountId: account.id, changeType: 'voltage-change', newVoltage: '20kV' });
  await completeSteps(platform, change.processInstanceKey, [
    review({ feeYuan: 20_000 }),
    pay,
    siteWork('zhaolei', '2026-11-20'),
    contract(),
    archive,
  ]);
  const done = await waitForStatus(platform, change.applicationNo, 'completed');
  expect(done.feeFen).toBe(2_000_000);
  expect((await accountNow(account.id)).voltage).toBe('20kV');

  await platform.pinClock(TODAY);
  const bigger = await seedAccount();
  const increase = await startCase(platform, {
    accountId: bigger.id,
    changeType: 'voltage-change',
    newVoltage: '35kV',
    newCapacityKva: 2000,
    documents,
  });
  await completeSteps(platform, increase.processInstanceKey, [review(), archive]);
  const handedOver = await waitForStatus(platform, increase.applicationNo, 'completed');
  const created = await Application.findOne({ where: { applicationNo: handedOver.newConnectionNo } });
  expect(created).toMatchObject({ businessType: 'increase', accountId: bigger.id, voltage: '35kV' });
  expect(Number(created!.capacityKva)).toBe(1370);
});

test('category change: the tariff category changes under a renewed contract; a rejected review changes nothing', async () => {
  const account = await seedAccount({ category: 'commercial', voltage: '380V', capacityKva: 100 });
  const rejected = await startCase(platform, {
    accountId: account.id,
    changeType: 'category-change',
    newCategory: 'industrial',
  });
  // A missing decision is not a rejection, and a rejection needs a reason the customer is told.
  const reviewTask = await platform.openTask(rejected.processInstanceKey, 'review');
  const clerk = await platform.as('lixue'); // not the accepting clerk: she may not review her own case
  const attempt = (variables: Record<string, unknown>) =>
    clerk.post(`/tasks/${reviewTask.userTaskKey}/complete`, { variables });
  const undecided = await attempt({ reviewComment: '资料不全' });
  expect([undecided.status, undecided.body.details.map((v: any) => v.field)]).toEqual([400, ['approved']]);
  const noReason = await attempt({ approved: false, reviewComment: '资料不全' });
  expect([noReason.status, noReason.body.details.map((v: any) => v.field)]).toEqual([400, ['rejectionReason']]);
  await completeSteps(platform, rejected.processInstanceKey, [
    ['review', 'lixue', { approved: false, rejectionReason: '缺少营业执照变更证明' }],
  ]);
  expect((await waitForStatus(platform, rejected.applicationNo, 'rejected')).outcome).toContain('缺少营业执照变更证明');
  const notices = await (await platform.as('admin')).get(`/notifications?businessKey=${rejected.applicationNo}`);
  const told = notices.body.items.find((n: any) => n.kind === 'rejected');
  expect(told).toMatchObject({ recipientType: 'customer' });
  expect(told.body).toContain('缺少营业执照变更证明');

  const change = await startCase(platform, {
    accountId: account.id,
    changeType: 'category-change',
    newCategory: 'industrial',
  });
  await completeSteps(platform, change.processInstanceKey, [review(), contract(), archive]);
  await waitForStatus(platform, change.applicationNo, 'completed');
  expect((await accountNow(account.id)).category).toBe('industrial');
});

test('cases are listed and searched; the demo seed leaves cases waiting at review and for payment', async () => {
  await seedChangeOfUseDemo(platform.application.services);
  const manager = await platform.as('zhoumin');
  const suspensions = await manager.get('/change-of-use/applications?changeType=suspend');
  const demo = suspensions.body.items.find((item: any) => item.reason.includes('变压器'));
  expect(demo).toMatchObject({ status: 'in-progress' });
  await platform.openTask(demo.processInstanceKey, 'review');
  const moves = await manager.get('/change-of-use/applications?changeType=meter-move&status=in-progress');
  expect(moves.body.total).toBe(1);
  // The demo meter move waits for its 680 yuan fee; paid, it goes to the metering crew.
  const unpaid = await waitForCase(platform, moves.body.items[0].applicationNo, (found) =>
    found.waitingFor.includes('payment'),
  );
  expect(unpaid).toMatchObject({ waitingFor: ['payment'], fee: { dueFen: 68_000, paidFen: 0 } });
  expect((await payFee(platform, unpaid.applicationNo)).status).toBe(201);
  await platform.openTask(moves.body.items[0].processInstanceKey, 'site_work');
  const detail = await manager.get(`/change-of-use/applications/${moves.body.items[0].applicationNo}`);
  expect(detail.body.currentTasks).toEqual([
    expect.objectContaining({ elementId: 'site_work', candidateGroups: ['metering'] }),
  ]);
  expect(detail.body.customer.customerNo).toBe('BGDEMO002');
  const byNumber = await manager.get(`/change-of-use/applications?q=${demo.applicationNo}`);
  expect(byNumber.body.items.map((item: any) => item.applicationNo)).toEqual([demo.applicationNo]);
  expect((await manager.get('/change-of-use/applications?status=lost')).status).toBe(400);
  expect((await manager.get('/change-of-use/applications/BG00000000-0000')).status).toBe(404);
});

test('bad input is refused per type, naming the field', async () => {
  const account = await seedAccount();
  const clerk = await platform.as('zhangli');
  const missing = await clerk.post('/change-of-use/applications', {
    accountId: account.id,
    changeType: 'capacity-reduction',
    requestedDate: '2026-11-20',
    reason: '减容',
  });
  expect(missing.status).toBe(400);
  expect(missing.body.message).toContain('newCapacityKva');
  const unknown = await clerk.post('/change-of-use/applications', { accountId: account.id, changeType: 'teleport' });
  expect(unknown.status).toBe(400);
  const notClerk = await (await platform.as('sunhao')).post('/change-of-use/applications', {});
  expect(notClerk.status).toBe(403);
});
