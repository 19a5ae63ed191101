/**
 * Finding cases across 业扩, 变更用电 and 95598 (GET /api/cases?q=, GET /api/cases/mine; decision 0032) on the real
 * platform: one search by number, name, whole phone or ID number and address; another unit's cases never found;
 * ID and phone numbers masked in every row; pages cut on the server; "my cases" as the cases one started or did a
 * step of. Also the counter's document checklist (GET /api/business-expansion/required-documents) and the 95598
 * order choices (GET /api/work-orders/types).
 */
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  applicant,
  completeCaseTask,
  expectOpenTasks,
  hvApplication,
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
});

const MASKED_ID = /^[\dA-Z]{3}\*+[\dA-Z]{4}$/;
const MASKED_PHONE = /^\d{3}\*+\d{4}$/;

interface Row {
  caseNo: string;
  area: string;
  businessType: string;
  customerName: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  startedBy: string | null;
}
interface Page {
  items: Row[];
  total: number;
  page: number;
  size: number;
}

async function search(login: string, query: Record<string, string>, path = '/cases'): Promise<Page> {
  const answer = await (await platform.as(login)).get(`${path}?${new URLSearchParams(query)}`);
  if (answer.status !== 200) throw new Error(`${path} as ${login}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Page;
}
const numbers = (page: Page) => page.items.map((row) => row.caseNo);

test('one search finds 业扩, 变更 and 95598 cases by number, name, whole ID number, phone and address, masked', async () => {
  const customer = applicant({ name: '检索测试居民甲', address: '上海市浦东新区检索路 18 号' });
  const expansion = await submit(platform, residentialApplication({ customer, address: '上海市浦东新区检索路 18 号' }));
  const account = await seedAccount({ address: '上海市浦东新区检索路 20 号' });
  const clerk = await platform.as('zhangli');
  const change = await clerk.post('/change-of-use/applications', {
    accountId: account.id,
    changeType: 'suspend',
    requestedDate: REQUESTED,
    reason: '检索测试',
  });
  expect(change.status).toBe(201);
  const callerPhone = customer.phone as string;
  const order = await (
    await platform.as('liuna')
  ).post(
    '/work-orders',
    orderBody({ customerName: '检索测试来电人', phone: callerPhone, address: '上海市浦东新区检索路 22 号' }),
  );
  expect(order.status).toBe(201);

  // By the whole ID number: the 业扩 case is found, and its row shows the number masked.
  const byId = await search('zhangli', { q: customer.idNumber as string });
  expect(numbers(byId)).toEqual([expansion.applicationNo]);
  expect(byId.items[0].idNumber).toMatch(MASKED_ID);
  expect(byId.items[0].idNumber).not.toBe(customer.idNumber);
  expect(byId.items[0].phone).toMatch(MASKED_PHONE);
  // A part of an ID number finds nothing: the masked digits cannot be probed by searching.
  expect((await search('zhangli', { q: (customer.idNumber as string).slice(0, 10) })).total).toBe(0);

  // By the whole phone: the customer's 业扩 case and the 95598 order of the same caller, across areas.
  const byPhone = await search('zhangli', { q: callerPhone });
  expect(numbers(byPhone).sort()).toEqual([expansion.applicationNo, order.body.orderNo].sort());
  for (const row of byPhone.items) expect(row.phone).toMatch(MASKED_PHONE);

  // By a part of the address: all three areas.
  const byAddress = await search('zhangli', { q: '检索路' });
  expect(numbers(byAddress).sort()).toEqual(
    [expansion.applicationNo, change.body.applicationNo, order.body.orderNo].sort(),
  );
  expect(byAddress.items.find((row) => row.area === 'change-of-use')).toMatchObject({
    businessType: 'suspend',
    address: '上海市浦东新区检索路 20 号',
    startedBy: 'zhangli',
  });
  // By a part of the name, by the number, and narrowed to one area.
  expect(numbers(await search('zhangli', { q: '检索测试居民' }))).toEqual([expansion.applicationNo]);
  expect(numbers(await search('zhangli', { q: change.body.applicationNo }))).toEqual([change.body.applicationNo]);
  expect(numbers(await search('zhangli', { q: '检索路', area: 'work-order' }))).toEqual([order.body.orderNo]);
  // The order's row names the agent who took it.
  expect(byAddress.items.find((row) => row.area === 'work-order')?.startedBy).toBe('liuna');
}, 60_000);

test("another unit's cases are never found, however they are searched", async () => {
  const minhang = applicant({ name: '检索闵行客户', area: 'SH-MH', address: '上海市闵行区莘庄路 3 号' });
  const theirs = await (
    await platform.as('wuting')
  ).post(
    '/business-expansion/applications',
    residentialApplication({ customer: minhang, address: '上海市闵行区莘庄路 3 号' }),
  );
  expect(theirs.status).toBe(201);
  for (const q of [
    theirs.body.applicationNo,
    minhang.idNumber as string,
    minhang.phone as string,
    '莘庄路',
    '检索闵行',
  ])
    expect((await search('zhangli', { q })).total).toBe(0);
  expect(numbers(await search('wuting', { q: minhang.idNumber as string }))).toEqual([theirs.body.applicationNo]);
  // An administrator has no unit limit.
  expect(numbers(await search('admin', { q: theirs.body.applicationNo }))).toEqual([theirs.body.applicationNo]);
}, 60_000);

test('pages are cut on the server: sizes, totals and no case twice across pages', async () => {
  const tag = `分页客户${Date.now() % 100000}`;
  const submitted: string[] = [];
  for (let i = 0; i < 5; i += 1)
    submitted.push(
      (await submit(platform, residentialApplication({ customer: applicant({ name: `${tag}-${i}` }) }))).applicationNo,
    );
  const first = await search('zhangli', { q: tag, size: '2' });
  const second = await search('zhangli', { q: tag, size: '2', page: '2' });
  const third = await search('zhangli', { q: tag, size: '2', page: '3' });
  expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
  expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
  expect([...numbers(first), ...numbers(second), ...numbers(third)].sort()).toEqual([...submitted].sort());
  // Newest first (the pinned clock gives them one time: then the higher number first).
  expect(numbers(first)[0]).toBe([...submitted].sort().reverse()[0]);
  const beyond = await search('zhangli', { q: tag, size: '2', page: '4' });
  expect(beyond).toMatchObject({ total: 5, items: [] });

  const unknown = await (await platform.as('zhangli')).get('/cases?q=x&customer=y');
  expect(unknown.status).toBe(400);
  expect(JSON.stringify(unknown.body)).toContain('customer');
  expect((await (await platform.as('zhangli')).get('/cases?size=1000')).status).toBe(400);
}, 90_000);

test('my cases: the ones I started, and the ones I did a step of once I did it', async () => {
  const { applicationNo } = await submit(
    platform,
    residentialApplication({ customer: applicant({ name: '我的案件测试' }) }),
  );
  const mineOf = async (login: string) => numbers(await search(login, { size: '100' }, '/cases/mine'));
  expect(await mineOf('zhangli')).toContain(applicationNo);
  expect(await mineOf('wangqiang')).not.toContain(applicationNo);
  expect(await mineOf('wuting')).not.toContain(applicationNo);

  await expectOpenTasks(platform, applicationNo, ['survey']);
  await completeCaseTask(platform, applicationNo, 'survey', 'wangqiang', SURVEY_OK);
  await waitFor(async () => (await mineOf('wangqiang')).includes(applicationNo), {
    timeout: 15_000,
    interval: 200,
    description: `${applicationNo} among wangqiang's cases`,
  });

  const order = await (await platform.as('liuna')).post('/work-orders', orderBody());
  expect(await mineOf('liuna')).toContain(order.body.orderNo);
  expect(await mineOf('liuna')).not.toContain(applicationNo);
  // "Mine" narrowed by the search text.
  expect(numbers(await search('zhangli', { q: '我的案件测试' }, '/cases/mine'))).toEqual([applicationNo]);
}, 90_000);

test("the counter's checklist: the customer class and its documents, for counter clerks only", async () => {
  const clerk = await platform.as('zhangli');
  const hv = await clerk.get(
    '/business-expansion/required-documents?voltage=10kV&capacityKva=800&category=industrial&area=SH-PD',
  );
  expect(hv.status).toBe(200);
  expect(hv.body.customerClass).toBe('hv-single');
  expect(hv.body.required.map((d: { kind: string }) => d.kind)).toEqual(
    hvApplication('x').documents.map((d) => d.kind),
  );
  expect(hv.body.kinds.length).toBeGreaterThan(hv.body.required.length);
  const home = await clerk.get(
    '/business-expansion/required-documents?voltage=220V&capacityKva=8&category=residential&area=SH-PD&throughAgent=true',
  );
  expect(home.body).toMatchObject({ customerClass: 'lv-residential' });
  expect(home.body.required.map((d: { kind: string }) => d.kind)).toEqual([
    'application-form',
    'owner-id',
    'property-proof',
    'agent-id',
  ]);
  const bad = await clerk.get('/business-expansion/required-documents?voltage=9kV&capacityKva=8&category=residential');
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('voltage');
  const surveyor = await platform.as('wangqiang');
  expect(
    (await surveyor.get('/business-expansion/required-documents?voltage=220V&capacityKva=8&category=residential'))
      .status,
  ).toBe(403);
});

test('the 95598 order choices name every order type with its sub-types', async () => {
  const answer = await (await platform.as('liuna')).get('/work-orders/types');
  expect(answer.status).toBe(200);
  const types = answer.body.orderTypes as { code: string; subTypes: string[] }[];
  expect(types.map((type) => type.code)).toEqual(expect.arrayContaining(['fault-repair', 'complaint', 'consultation']));
  expect(types.find((type) => type.code === 'fault-repair')?.subTypes).toContain('outage');
  expect(answer.body.channels).toContain('phone');
});
