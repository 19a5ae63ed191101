/**
 * The other order types end to end: a consultation answered at once from the knowledge base (no dispatch) and
 * one the agent cannot answer (dispatched), a report, service requests with their own limits (reconnection 24 h),
 * praise without a callback, and the knowledge-base API.
 */
import { seedWorkOrderDemo } from '../../platform/seed/work-orders-demo';
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  complete,
  createOrder,
  dispatchDown,
  orderDetail,
  replyReviewCallback,
  startWorkOrderPlatform,
  waitForOrder,
} from './work-order-kit';

let platform: Platform;
const T0 = Date.parse('2026-10-13T01:00:00Z'); // a Tuesday, 09:00 in China

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(new Date(T0));
}, startWorkOrderPlatform);

async function taskVariables(processInstanceKey: string, elementId: string): Promise<any> {
  const task = await platform.openTask(processInstanceKey, elementId);
  return (await (await platform.as('liuna')).get(`/tasks/${task.userTaskKey}`)).body.variables;
}

test('a consultation is answered at once from the knowledge base and archived without dispatch', async () => {
  const created = await createOrder(platform, {
    orderType: 'consultation',
    subType: undefined,
    content: '请问交电费有哪些方式？',
  });
  const answerTask = await platform.openTask(created.processInstanceKey, 'agent-answer');
  // 5 working days, as a data query: from Tuesday 13 October, the end of Tuesday 20 October (China time).
  expect(answerTask.dueDate).toBe('2026-10-20T16:00:00.000Z');
  const variables = await taskVariables(created.processInstanceKey, 'agent-answer');
  expect(variables.answer).toContain('网上国网');
  expect(variables.answerResolved).toBe(true);
  await complete(platform, created, 'agent-answer', { answer: variables.answer, answerResolved: true });
  const archived = await waitForOrder(platform, created.orderNo, (o) => o.state === 'archived', 'archived');
  expect(archived.dispatch).toEqual([]);
  expect(archived.replies).toEqual([expect.objectContaining({ kind: 'answer' })]);
  expect(archived.reply).toContain('网上国网');
  expect(archived.onTime).toBe(true);
}, 60_000);

test('a query the agent cannot answer is dispatched from the city and handled as other orders', async () => {
  const created = await createOrder(platform, {
    orderType: 'query',
    subType: undefined,
    content: '我家门口的电线杆归谁管？',
  });
  const variables = await taskVariables(created.processInstanceKey, 'agent-answer');
  expect(variables.answerResolved).toBe(false);
  await complete(platform, created, 'agent-answer', { answer: '需转供电单位核实', answerResolved: false });
  await dispatchDown(platform, created, ['city', 'unit']);
  const handle = await platform.openTask(created.processInstanceKey, 'feedback-handle');
  expect(handle.candidateGroups).toEqual(['crew']);
  await replyReviewCallback(platform, created, 'feedback-handle', 'satisfied');
  await waitForOrder(platform, created.orderNo, (o) => o.state === 'archived', 'archived');
}, 60_000);

test('a report goes from the province down and has 9 working days', async () => {
  const created = await createOrder(platform, { orderType: 'report', subType: 'theft', content: '邻居私拉电线窃电' });
  await dispatchDown(platform, created, ['province', 'city', 'unit']);
  const handle = await platform.openTask(created.processInstanceKey, 'report-handle');
  // Tuesday 13 October + 9 working days: the end of Monday 26 October (China time).
  expect(handle.dueDate).toBe('2026-10-26T16:00:00.000Z');
  await replyReviewCallback(platform, created, 'report-handle', 'satisfied');
  const archived = await waitForOrder(platform, created.orderNo, (o) => o.state === 'archived', 'archived');
  expect(archived.dispatch.map((d: any) => d.level)).toEqual(['province', 'city', 'unit']);
}, 60_000);

test('service requests: reconnection after arrears within 24 h, a reading anomaly within 6 working days', async () => {
  const reconnection = await createOrder(platform, {
    orderType: 'service-request',
    subType: 'reconnection',
    content: '欠费已缴清，请尽快复电',
    accountNo: '3100123456',
  });
  await dispatchDown(platform, reconnection, ['city', 'unit']);
  const task = await platform.openTask(reconnection.processInstanceKey, 'service-handle');
  expect(task.dueDate).toBe(new Date(T0 + 24 * 3_600_000).toISOString());
  const reading = await createOrder(platform, {
    orderType: 'service-request',
    subType: 'reading-anomaly',
    content: '本月电量异常偏高',
  });
  await dispatchDown(platform, reading, ['city', 'unit']);
  const readingTask = await platform.openTask(reading.processInstanceKey, 'service-handle');
  expect(readingTask.dueDate).toBe('2026-10-21T16:00:00.000Z');
  expect((await orderDetail(platform, reconnection.orderNo)).accountNo).toBe('3100123456');
}, 60_000);

test('praise needs no callback: archived after the review', async () => {
  const created = await createOrder(platform, { orderType: 'praise', subType: undefined, content: '抢修师傅服务很好' });
  await dispatchDown(platform, created, ['province', 'city', 'unit']);
  await complete(platform, created, 'feedback-handle', { reply: '已转达表扬' });
  await complete(platform, created, 'review', { reviewResult: 'pass' });
  const archived = await waitForOrder(platform, created.orderNo, (o) => o.state === 'archived', 'archived');
  expect(archived.callbacks).toEqual([]);
}, 60_000);

test('the knowledge base: everyone searches, agents write, crews may not', async () => {
  const agent = await platform.as('liuna');
  const found = await agent.get(`/knowledge?q=${encodeURIComponent('阶梯')}`);
  expect(found.body.items.map((a: any) => a.title)).toEqual(['居民阶梯电价标准']);
  const article = {
    title: '峰谷分时电价',
    category: '电价',
    keywords: ['峰谷', '分时'],
    content: '峰谷分时电价按时段计费。',
  };
  expect((await (await platform.as('lutao')).post('/knowledge', article)).status).toBe(403);
  const created = await agent.post('/knowledge', article);
  expect(created.status).toBe(201);
  expect((await agent.post('/knowledge', article)).status).toBe(409);
  const changed = await agent.put(`/knowledge/${created.body.id}`, {
    ...article,
    content: '峰谷分时电价：高峰、低谷分时段计费。',
  });
  expect(changed.body.content).toContain('高峰');
  expect((await agent.get(`/knowledge?q=${encodeURIComponent('峰谷')}`)).body.items).toHaveLength(1);
  expect((await agent.post('/knowledge', { title: 'x' })).status).toBe(400);
}, 30_000);

test('the demo seed creates real orders through the use case', async () => {
  // The command center sees the orders of every unit (the seed's are in Pudong and Minhang).
  const manager = await platform.as('majun');
  const before = (await manager.get('/work-orders')).body.items.length;
  await seedWorkOrderDemo(platform.application.services);
  const items = (await manager.get('/work-orders')).body.items;
  expect(items.length - before).toBe(3);
  const consultation = items.find((o: any) => o.orderType === 'consultation' && o.customerName === '李梅');
  const variables = await taskVariables(consultation.processInstanceKey, 'agent-answer');
  expect(variables.answer).toContain('阶梯电价');
}, 30_000);
