/**
 * Who sees what (decision 0025), through the API on the real platform: data scope by organisation unit for
 * customers, cases, tasks and work orders (another unit's record is not found); ID and phone numbers masked, whole
 * only for the roles that need them and audited; the GB 11643 check and one ID number to one name; separation of
 * duties; unclaim by the assignee or a supervisor; claims and completes at once answer one 200 and the rest 409.
 */
import { CaseTimeLimit } from '../../db/time-limits/time-limit-models';
import { Notification } from '../../db/core/notification-models';
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { residentId } from '../../lib/privacy/resident-id';
import {
  signedInClient,
  uploadRequiredDocuments,
  usePlatform,
  type ApiClient,
  type Platform,
} from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  applicant,
  DOCUMENTS,
  expectOpenTasks,
  residentialApplication,
  submit,
  SURVEY_OK,
} from '../business-expansion/business-expansion-kit';
import { REQUESTED, TODAY, seedAccount } from '../change-of-use/change-of-use-kit';
import { orderBody } from '../work-orders/work-order-kit';

let platform: Platform;

usePlatform(async (started) => {
  platform = started;
  await seedWorkOrderDemoUsers();
  await platform.pinClock(TODAY);
  // A second Pudong surveyor, to claim against wangqiang.
  const created = await (
    await platform.as('admin')
  ).post('/users', {
    login: 'zhouqi',
    name: '周琦',
    password: ZHOUQI_PASSWORD,
    roles: ['surveyor'],
    groups: ['SH-PD'],
  });
  if (created.status !== 201) throw new Error(`user: ${JSON.stringify(created.body)}`);
});

/** New users' passwords follow the password policy (demo users keep theirs). */
const ZHOUQI_PASSWORD = 'survey2026pudong';

const MASKED_ID = /^\d{3}\*{11}[\dX]{4}$/;
const MASKED_MOBILE = /^\d{3}\*{4}\d{4}$/;

let serial = 0;
/** A person with a valid 居民身份证号码 unique to this run. */
function person(area: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  const born = 19_800_101 + serial;
  return {
    kind: 'person',
    name: `范围测试${serial}`,
    idNumber: residentId(`310115${born}${String(process.pid % 1000).padStart(3, '0')}`),
    phone: `1381234${String(1000 + serial)}`,
    address: `上海市测试路${serial}号`,
    area,
    ...overrides,
  };
}

async function created(login: string, body: Record<string, unknown>) {
  const answer = await (await platform.as(login)).post('/customers', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

test('customers: each unit sees its own (another unit’s is not found); lists and reads are masked', async () => {
  const pudong = await created('zhangli', person('SH-PD'));
  const minhang = await created('wuting', person('SH-MH'));
  expect(pudong.unitCode).toBe('SH-PD');
  expect(minhang.unitCode).toBe('SH-MH');

  const ids = async (login: string) =>
    ((await (await platform.as(login)).get('/customers')).body.items as any[]).map((c) => c.id);
  expect(await ids('zhangli')).toContain(pudong.id);
  expect(await ids('zhangli')).not.toContain(minhang.id);
  expect(await ids('wuting')).toEqual(expect.arrayContaining([minhang.id]));
  expect(await ids('wuting')).not.toContain(pudong.id);
  expect(await ids('zhoumin')).toContain(pudong.id);
  expect(await ids('admin')).toEqual(expect.arrayContaining([pudong.id, minhang.id]));

  const wuting = await platform.as('wuting');
  const hidden = await wuting.get(`/customers/${pudong.id}`);
  const missing = await wuting.get('/customers/999999');
  expect([hidden.status, hidden.body.code]).toEqual([404, 'NOT_FOUND']);
  expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  // Searching by a part of another unit's ID number finds nothing either.
  expect((await wuting.get(`/customers?q=${pudong.idNumber.slice(-8)}`)).body.items).toEqual([]);

  // The customer's accounts and bills follow the customer's unit.
  const clerk = await platform.as('zhangli');
  const account = await clerk.post('/accounts', {
    customerId: pudong.id,
    address: '上海市浦东新区世纪大道 1 号',
    voltage: '220V',
    capacityKva: 8,
    category: 'residential',
  });
  expect(account.status).toBe(201);
  const bill = { accountId: account.body.id, period: '2026-11', amountFen: 12345, dueDate: '2026-12-20' };
  expect((await clerk.post('/bills', bill)).status).toBe(201);
  expect((await clerk.get(`/accounts/${account.body.id}`)).body.bills).toHaveLength(1);
  expect((await clerk.get(`/bills?accountId=${account.body.id}`)).body.items).toHaveLength(1);
  expect((await wuting.get(`/accounts/${account.body.id}`)).status).toBe(404);
  expect((await wuting.get(`/bills?accountId=${account.body.id}`)).status).toBe(404);
  expect((await wuting.post('/bills', { ...bill, period: '2026-12' })).status).toBe(404);
  const accountBody = { customerId: pudong.id, address: '上海市浦东新区世纪大道 2 号', voltage: '220V' };
  expect((await wuting.post('/accounts', { ...accountBody, capacityKva: 8, category: 'residential' })).status).toBe(
    404,
  );

  const listed = ((await (await platform.as('zhangli')).get('/customers')).body.items as any[]).find(
    (c) => c.id === pudong.id,
  );
  expect(listed.idNumber).toMatch(MASKED_ID);
  expect(listed.idNumber.slice(-4)).toBe(pudong.idNumber.slice(-4));
  expect(listed.phone).toMatch(MASKED_MOBILE);
  const read = await (await platform.as('zhoumin')).get(`/customers/${pudong.id}`);
  expect(read.status).toBe(200);
  expect(read.body.idNumber).toMatch(MASKED_ID);
  expect(read.body.phone).toMatch(MASKED_MOBILE);
});

test('whole ID and phone numbers: only for roles with pii:view, on request, each view audited', async () => {
  const customer = await created('zhangli', person('SH-PD'));
  const whole = await (await platform.as('zhangli')).get(`/customers/${customer.id}?reveal=pii`);
  expect(whole.status).toBe(200);
  expect(whole.body).toMatchObject({ idNumber: customer.idNumber, phone: customer.phone });

  const refused = await (await platform.as('zhoumin')).get(`/customers/${customer.id}?reveal=pii`);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('PII_VIEW_FORBIDDEN');

  const audit = (await (await platform.as('admin')).get(`/audit?action=pii.view&target=customer:${customer.id}`)).body
    .items as any[];
  expect(audit.map((entry) => [entry.actor, entry.outcome]).sort()).toEqual([
    ['zhangli', 'ok'],
    ['zhoumin', 'refused'],
  ]);
});

test('ID numbers pass the GB 11643 check; one ID number belongs to one name', async () => {
  const clerk = await platform.as('zhangli');
  const valid = person('SH-PD');
  const wrongCheck = valid.idNumber.slice(0, 17) + (valid.idNumber[17] === '1' ? '2' : '1');
  const bad = await clerk.post('/customers', { ...valid, idNumber: wrongCheck });
  expect(bad.status).toBe(400);
  expect(bad.body.details.map((d: any) => d.field)).toEqual(['idNumber']);
  expect(bad.body.message).toContain('GB 11643');
  const badDate = residentId('31011519801340001');
  expect((await clerk.post('/customers', { ...valid, idNumber: badDate })).status).toBe(400);
  // An inline applicant is checked the same way, naming the field inside the application.
  const inline = await clerk.post('/business-expansion/applications', {
    customer: { ...valid, idNumber: wrongCheck },
    businessType: 'new',
    address: valid.address,
    voltage: '220V',
    capacityKva: 8,
    category: 'residential',
    documents: DOCUMENTS.residential,
  });
  expect(inline.status).toBe(400);
  expect(inline.body.details.map((d: any) => d.field)).toEqual(['customer.idNumber']);

  expect((await clerk.post('/customers', valid)).status).toBe(201);
  const otherName = await clerk.post('/customers', { ...valid, name: '另一个人' });
  expect(otherName.status).toBe(409);
  expect(otherName.body.code).toBe('ID_NUMBER_NAME_MISMATCH');
  expect(otherName.body.message).not.toContain(valid.idNumber);
  // A company's unified social credit code is not a resident ID number.
  const company = { ...person('SH-PD'), kind: 'company', name: '范围测试有限公司', idNumber: '91310115MA1H7QXX2K' };
  expect((await clerk.post('/customers', company)).status).toBe(201);
});

test('cases and their tasks: another unit neither lists, reads nor claims them', async () => {
  const submitted = await submit(platform, {
    customer: applicant(),
    businessType: 'new',
    address: '上海市浦东新区范围路 1 号',
    voltage: '220V',
    capacityKva: 8,
    category: 'residential',
    documents: DOCUMENTS.residential,
  });
  const no = submitted.applicationNo;
  const [survey] = await expectOpenTasks(platform, no, ['survey']);

  const wuting = await platform.as('wuting');
  const listed = (await wuting.get('/business-expansion/applications')).body.items as any[];
  expect(listed.map((a) => a.applicationNo)).not.toContain(no);
  expect((await wuting.get(`/business-expansion/applications/${no}`)).status).toBe(404);
  expect((await wuting.get(`/cases/${no}`)).status).toBe(404);
  const manager = await platform.as('zhoumin');
  const read = await manager.get(`/business-expansion/applications/${no}`);
  expect(read.status).toBe(200);
  expect(read.body.application.unitCode).toBe('SH-PD');
  expect(read.body.customer.idNumber).toMatch(MASKED_ID);
  expect((await manager.get(`/cases/${no}`)).status).toBe(200);

  // The survey runs in a called instance: its task is found through the case's number all the same.
  const keys = async (login: string) =>
    ((await (await platform.as(login)).get('/tasks?scope=group&area=business-expansion')).body.items as any[]).map(
      (t) => t.userTaskKey,
    );
  expect(await keys('wangqiang')).toContain(survey.userTaskKey);
  expect(await keys('xugang')).not.toContain(survey.userTaskKey);
  const xugang = await platform.as('xugang');
  expect((await xugang.post(`/tasks/${survey.userTaskKey}/claim`)).status).toBe(404);
  expect((await xugang.get(`/tasks/${survey.userTaskKey}`)).status).toBe(404);
});

test('two claims at once: one 200, one 409; unclaim by the assignee or a supervisor; four completes: one 200', async () => {
  const { applicationNo } = await submit(platform, {
    customer: applicant(),
    businessType: 'new',
    address: '上海市浦东新区并发路 2 号',
    voltage: '220V',
    capacityKva: 8,
    category: 'residential',
    documents: DOCUMENTS.residential,
  });
  const [survey] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const path = `/tasks/${survey.userTaskKey}`;
  const [wangqiang, zhouqi] = [
    await platform.as('wangqiang'),
    await signedInClient(platform, 'zhouqi', ZHOUQI_PASSWORD),
  ];

  const claims = await Promise.all([wangqiang.post(`${path}/claim`), zhouqi.post(`${path}/claim`)]);
  expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
  expect(claims.find((c) => c.status === 409)!.body.code).toBe('ALREADY_CLAIMED');
  const winner = claims[0]!.status === 200 ? wangqiang : zhouqi;
  const loser = winner === wangqiang ? zhouqi : wangqiang;

  const notTheirs = await loser.post(`${path}/unclaim`);
  expect(notTheirs.status).toBe(403);
  expect(notTheirs.body.code).toBe('NOT_YOUR_CLAIM');
  expect((await (await platform.as('zhoumin')).post(`${path}/unclaim`)).status).toBe(200);
  await waitFor(async () => ((await wangqiang.get(path)).body.assignee ? undefined : true), {
    description: 'unassigned',
  });
  expect((await wangqiang.post(`${path}/claim`)).status).toBe(200);
  await waitFor(async () => ((await wangqiang.get(path)).body.assignee === 'wangqiang' ? true : undefined), {
    description: 'assigned',
  });

  await uploadRequiredDocuments(wangqiang, survey.userTaskKey);
  const completes = await Promise.all(
    [1, 2, 3, 4].map(() => wangqiang.post(`${path}/complete`, { variables: SURVEY_OK })),
  );
  expect(completes.map((c) => c.status).sort()).toEqual([200, 409, 409, 409]);
  for (const refused of completes.filter((c) => c.status === 409)) expect(refused.body.code).toBe('TASK_NOT_OPEN');
});

test('separation of duties: the clerk who accepted a change may not review it; another clerk may', async () => {
  const account = await seedAccount();
  const answer = await (
    await platform.as('zhangli')
  ).post('/change-of-use/applications', {
    accountId: account.id,
    changeType: 'suspend',
    requestedDate: REQUESTED,
    reason: '职责分离测试',
  });
  expect(answer.status).toBe(201);
  const review = await platform.openTask(answer.body.processInstanceKey, 'review');
  const path = `/tasks/${review.userTaskKey}`;
  const own = await (await platform.as('zhangli')).post(`${path}/claim`);
  expect(own.status).toBe(403);
  expect(own.body.code).toBe('OWN_CASE');
  const ownComplete = await (await platform.as('zhangli')).post(`${path}/complete`, { variables: { approved: true } });
  expect(ownComplete.status).toBe(403);
  expect((await (await platform.as('lixue')).post(`${path}/claim`)).status).toBe(200);
});

test('work orders: a crew sees its own unit’s orders; phones masked in the list, whole for the crew on request', async () => {
  const agent = await platform.as('liuna');
  const pudong = await agent.post('/work-orders', orderBody({ area: 'SH-PD' }));
  const minhang = await agent.post('/work-orders', orderBody({ area: 'SH-MH' }));
  expect([pudong.status, minhang.status]).toEqual([201, 201]);
  const lutao = await platform.as('lutao');
  const listed = (await lutao.get('/work-orders')).body.items as any[];
  expect(listed.map((o) => o.orderNo)).toContain(pudong.body.orderNo);
  expect(listed.map((o) => o.orderNo)).not.toContain(minhang.body.orderNo);
  expect(listed.find((o) => o.orderNo === pudong.body.orderNo).phone).toMatch(MASKED_MOBILE);
  expect((await lutao.get(`/work-orders/${minhang.body.orderNo}`)).status).toBe(404);
  expect((await (await platform.as('qianbo')).get(`/work-orders/${minhang.body.orderNo}`)).status).toBe(200);
  const whole = await lutao.get(`/work-orders/${pudong.body.orderNo}?reveal=pii`);
  expect(whole.body.phone).toMatch(/^1\d{10}$/);
  // The national agent's unit is the root: every order.
  const all = ((await agent.get('/work-orders')).body.items as any[]).map((o) => o.orderNo);
  expect(all).toEqual(expect.arrayContaining([pudong.body.orderNo, minhang.body.orderNo]));
});

test('time-limit compliance and notifications: only the cases of the manager’s units', async () => {
  const { applicationNo } = await submit(platform, residentialApplication({ address: '上海市浦东新区世纪大道 77 号' }));
  // The case's clock, finished on a day no other test's case finished on.
  await waitFor(async () => (await CaseTimeLimit.findOne({ where: { businessKey: applicationNo } })) !== null, {
    description: 'the case clock',
  });
  await CaseTimeLimit.update(
    { finishedAt: new Date('2020-03-02T02:00:00Z'), compliant: true },
    { where: { businessKey: applicationNo } },
  );
  const period = `from=${encodeURIComponent('2020-03-01T00:00:00+08:00')}&to=${encodeURIComponent('2020-03-03T00:00:00+08:00')}`;
  const pudong = await (await platform.as('zhoumin')).get(`/time-limits/compliance?${period}`);
  expect(pudong.body).toMatchObject({ finished: 1, compliant: 1 });

  const password = 'minhang2026manager';
  const made = await (
    await platform.as('admin')
  ).post('/users', {
    login: 'minhang-manager',
    name: '闵行主管',
    password,
    roles: ['manager'],
    groups: ['SH-MH'],
  });
  expect(made.status).toBe(201);
  const minhang = await signedInClient(platform, 'minhang-manager', password);
  expect((await minhang.get(`/time-limits/compliance?${period}`)).body).toMatchObject({ finished: 0, compliant: 0 });

  await Notification.create({
    dedupKey: `scope-test:${applicationNo}`,
    kind: 'warning',
    recipientType: 'role',
    recipient: 'manager',
    title: '时限预警',
    body: `${applicationNo} 即将超期`,
    businessKey: applicationNo,
  });
  const notices = async (client: ApiClient) =>
    ((await client.get(`/notifications?businessKey=${applicationNo}`)).body.items as any[]).length;
  expect(await notices(await platform.as('zhoumin'))).toBe(1);
  expect(await notices(minhang)).toBe(0);
});
