/**
 * Complaints (投诉) end to end with the clocks pinned: the province-level chain, contact within 24 h and reply
 * within 4 working days, the reviewer sending a reply back, urging (by API and by an urging order) and
 * supervision on the running order (notified to the handling unit's group), a repeated complaint flagged and
 * escalated, a major complaint's 15-minute review per level, and the repeat window changed by deploying a changed
 * repeat-rules table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR } from '../../platform/deploy-models';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  complete,
  createOrder,
  dispatchDown,
  orderDetail,
  startWorkOrderPlatform,
  waitForOrder,
} from './work-order-kit';

let platform: Platform;
const T0 = Date.parse('2026-10-13T01:00:00Z'); // a Tuesday, 09:00 in China

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(new Date(T0));
}, startWorkOrderPlatform);

const complaint = (overrides: Record<string, unknown> = {}) =>
  createOrder(platform, { orderType: 'complaint', subType: 'service', content: '营业厅服务态度差', ...overrides });

test('a complaint: contact within 24 h, reply within 4 working days, a reply sent back by the reviewer', async () => {
  const created = await complaint();
  expect(created.repeatedComplaint).toBe(false);
  await dispatchDown(platform, created, ['province', 'city', 'unit']);
  const contact = await platform.openTask(created.processInstanceKey, 'contact');
  expect(contact.dueDate).toBe(new Date(T0 + 24 * 3_600_000).toISOString());
  await complete(platform, created, 'contact', { contactNote: '已电话联系客户致歉' });
  const handle = await platform.openTask(created.processInstanceKey, 'complaint-handle');
  // Tuesday + 4 working days: the end of the next Monday (China time).
  expect(handle.dueDate).toBe('2026-10-19T16:00:00.000Z');
  await complete(platform, created, 'complaint-handle', { reply: '已核实' });
  // 回单审核 has its due date from the time-limit table: 1 working day, the end of Wednesday (China time).
  const review = await platform.openTask(created.processInstanceKey, 'review');
  expect(review.dueDate).toBe('2026-10-14T16:00:00.000Z');
  await complete(platform, created, 'review', { reviewResult: 'return', reviewComment: '回单过于简单' });
  const returned = await waitForOrder(platform, created.orderNo, (o) => o.reviews.length === 1, 'review return');
  expect(returned.reviews[0]).toMatchObject({ kind: 'review-return', comment: '回单过于简单' });
  await complete(platform, created, 'contact', { contactNote: '再次联系客户' });
  await complete(platform, created, 'complaint-handle', { reply: '已处理完毕，已告知客户' });
  await complete(platform, created, 'review', { reviewResult: 'pass' });
  // 客户回访 too: 1 working day from the review.
  const callback = await platform.openTask(created.processInstanceKey, 'callback');
  expect(callback.dueDate).toBe('2026-10-14T16:00:00.000Z');
  await complete(platform, created, 'callback', { satisfaction: 'satisfied', callbackComment: '回访记录' });
  const archived = await waitForOrder(platform, created.orderNo, (o) => o.state === 'archived', 'archived');
  expect(archived.replies.map((r: any) => r.kind)).toEqual(['reply', 'reply']);
  // Every history row names who acted: a person, or the system for the automatic steps.
  expect(archived.history.filter((row: any) => !row.actor)).toEqual([]);
  const actorOf = (kind: string) =>
    archived.history.filter((row: any) => row.kind === kind).map((row: any) => row.actor);
  expect(actorOf('reply')).toEqual(['lutao', 'lutao']);
  expect(actorOf('review-return')).toEqual(['songjia']);
  expect(actorOf('review-pass')).toEqual(['songjia']);
  expect(actorOf('callback')).toEqual(['tangli']);
  expect(actorOf('archive')).toEqual(['system']);
  expect(archived.reopenCount).toBe(0);
}, 90_000);

test('urging reaches the running order by API and by an urging order; managers supervise it', async () => {
  const created = await complaint({ subType: 'business', content: '业务办理拖延' });
  const agent = await platform.as('liuna');
  expect((await agent.post(`/work-orders/${created.orderNo}/urge`, { content: '客户第一次催办' })).status).toBe(202);
  expect((await agent.post(`/work-orders/${created.orderNo}/urge`, { content: '客户第二次催办' })).status).toBe(202);
  await waitForOrder(platform, created.orderNo, (o) => o.urgeCount === 2, 'two urgings');

  const urging = await createOrder(platform, {
    orderType: 'urging',
    subType: undefined,
    relatedOrderNo: created.orderNo,
    content: '投诉至今无人处理',
  });
  expect(urging.relatedOrderNo).toBe(created.orderNo);
  const urged = await waitForOrder(platform, created.orderNo, (o) => o.urgeCount === 3, 'urged by the urging order');
  expect(urged.urgings.map((u: any) => u.actor)).toEqual(['liuna', 'liuna', urging.orderNo]);
  await waitForOrder(platform, urging.orderNo, (o) => o.state === 'archived', 'the urging order archived');

  expect((await agent.post(`/work-orders/${created.orderNo}/supervise`, { comment: '尽快处理' })).status).toBe(403);
  const manager = await platform.as('zhoumin');
  expect((await manager.post(`/work-orders/${created.orderNo}/supervise`, { comment: '请今日内处理' })).status).toBe(
    202,
  );
  const supervised = await waitForOrder(platform, created.orderNo, (o) => o.supervisionCount === 1, 'supervised');
  expect(supervised.supervisions[0]).toMatchObject({ actor: 'zhoumin', comment: '请今日内处理' });
  const notices = await waitFor(async () => {
    const items = (await manager.get(`/notifications?businessKey=${created.orderNo}`)).body.items;
    return items.length >= 4 ? items : undefined;
  });
  expect(notices.filter((n: any) => n.kind === 'urging')).toHaveLength(3);
  // Urgings and supervision go to the handling unit's group: its crews see them, another unit's crew does not.
  expect(notices.find((n: any) => n.kind === 'supervision')).toMatchObject({
    recipientType: 'group',
    recipient: 'SH-PD',
  });
  const kindsSeenBy = async (login: string) =>
    ((await (await platform.as(login)).get(`/notifications?businessKey=${created.orderNo}`)).body.items as any[])
      .map((n) => n.kind)
      .sort();
  expect(await kindsSeenBy('lutao')).toEqual(['supervision', 'urging', 'urging', 'urging']);
  expect(await kindsSeenBy('qianbo')).toEqual([]);
  // The urged order is still where it was: the event subprocess did not interrupt it.
  expect((await platform.openTask(created.processInstanceKey, 'province-dispatch')).elementId).toBe(
    'province-dispatch',
  );
}, 90_000);

test('a repeated complaint is flagged, linked to the earlier one and escalated to the national center', async () => {
  const phone = '13700001111';
  const first = await complaint({ phone, subType: 'outage', content: '频繁停电' });
  const other = await complaint({ phone, subType: 'power-quality', content: '电压不稳' });
  expect(other.repeatedComplaint).toBe(false);
  const second = await complaint({ phone, subType: 'outage', content: '又停电了，投诉第二次' });
  expect(second).toMatchObject({ repeatedComplaint: true, relatedOrderNo: first.orderNo });
  expect((await platform.openTask(second.processInstanceKey, 'national-dispatch')).elementId).toBe('national-dispatch');
  const listed = (await (await platform.as('zhoumin')).get(`/work-orders?type=complaint&phone=${phone}`)).body.items;
  expect(listed.map((o: any) => [o.orderNo, o.repeatedComplaint])).toEqual([
    [second.orderNo, true],
    [other.orderNo, false],
    [first.orderNo, false],
  ]);
}, 60_000);

test('a major complaint is reviewed and passed down within 15 minutes per level', async () => {
  const now = Date.parse((await (await platform.as('admin')).get('/admin/clock')).body.time);
  const major = await complaint({ urgency: 'major', subType: 'grid-construction', content: '施工导致大面积停电' });
  const national = await platform.openTask(major.processInstanceKey, 'national-dispatch');
  expect(Date.parse(national.dueDate) - now).toBe(15 * 60_000);
  await platform.pinClock(new Date(now + 16 * 60_000));
  const late = await waitForOrder(platform, major.orderNo, (o) => o.timeLimit.events.length > 0, 'overdue');
  expect(late.timeLimit.overdue).toBe(true);
  expect(late.timeLimit.events).toEqual([expect.objectContaining({ step: 'dispatch', level: 'overdue' })]);
  // Nothing sent: the national form's default (accept, its only choice) applies, as form-js fills it in.
  await complete(platform, major, 'national-dispatch', {});
  const province = await platform.openTask(major.processInstanceKey, 'province-dispatch');
  expect(Date.parse(province.dueDate) - (now + 16 * 60_000)).toBe(15 * 60_000);
  expect((await orderDetail(platform, major.orderNo)).currentLevel).toBe('province');
}, 60_000);

const REPEAT_RULES = join(MODELS_DIR, 'work-orders', 'work-order-repeat-rules.dmn');

/** Deploys the repeat-rules table as a new version, changed by `edit` (the identity deploys it as it is on disk). */
async function deployRepeatRules(edit: (xml: string) => string): Promise<void> {
  const xml = edit(readFileSync(REPEAT_RULES, 'utf8'));
  await platform.application.services.camunda.zeebe.deployResource({
    name: 'work-order-repeat-rules.dmn',
    decision: Buffer.from(xml),
  });
}

// Last in this file: it moves the clocks on ten days.
test('the repeat window is data: a changed repeat-rules table narrows it for one category only', async () => {
  const start = Date.parse((await (await platform.as('admin')).get('/admin/clock')).body.time);
  const [kept, narrowed, service, later] = ['13700002222', '13700003333', '13700004444', '13700005555'];
  const keptFirst = await complaint({ phone: kept, subType: 'outage', content: '停电' });
  await complaint({ phone: narrowed, subType: 'outage', content: '停电' });
  const serviceFirst = await complaint({ phone: service, subType: 'service', content: '态度差' });
  const laterFirst = await complaint({ phone: later, subType: 'outage', content: '停电' });
  await platform.pinClock(new Date(start + 10 * 86_400_000));
  const keptSecond = await complaint({ phone: kept, subType: 'outage', content: '十天后又停电' });
  expect(keptSecond).toMatchObject({ repeatedComplaint: true, relatedOrderNo: keptFirst.orderNo });

  const outageRow = /(<outputEntry id="rule-outage-out"><text>)30(<\/text>)/;
  await deployRepeatRules((xml) => {
    expect(xml).toMatch(outageRow);
    return xml.replace(outageRow, (_all, open: string, close: string) => `${open}7${close}`);
  });
  try {
    const narrowedSecond = await complaint({ phone: narrowed, subType: 'outage', content: '十天后又停电' });
    expect(narrowedSecond).toMatchObject({ repeatedComplaint: false, relatedOrderNo: null });
    const serviceSecond = await complaint({ phone: service, subType: 'service', content: '十天后仍然态度差' });
    expect(serviceSecond).toMatchObject({ repeatedComplaint: true, relatedOrderNo: serviceFirst.orderNo });
  } finally {
    await deployRepeatRules((xml) => xml);
  }
  // The table as it is on disk again: ten days back count once more.
  const laterSecond = await complaint({ phone: later, subType: 'outage', content: '十天后又停电' });
  expect(laterSecond).toMatchObject({ repeatedComplaint: true, relatedOrderNo: laterFirst.orderNo });
}, 90_000);
