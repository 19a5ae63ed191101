/**
 * Fault repair (故障报修) end to end, with the clocks pinned: the dispatch chain with a return up one level (each
 * level's actor in the history), the 24x7 arrival limit (urban 45 min) with its warning, overdue notice and
 * escalation to the manager as the clock moves, the reply, review and an unsatisfied callback that reopens the
 * order, then archiving and statistics.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  accept,
  complete,
  createOrder,
  orderDetail,
  replyReviewCallback,
  startWorkOrderPlatform,
  waitForOrder,
} from './work-order-kit';

let platform: Platform;
const T0 = Date.parse('2026-10-13T01:00:00Z'); // a Tuesday, 09:00 in China
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(at(0));
}, startWorkOrderPlatform);

async function notifications(orderNo: string): Promise<any[]> {
  return (await (await platform.as('zhoumin')).get(`/notifications?businessKey=${orderNo}`)).body.items;
}

test('urban repair: a return goes one level up, the arrival limit warns, is overdue, escalates; unsatisfied reopens', async () => {
  const created = await createOrder(platform, { area: 'SH-PD', areaType: 'urban' });
  expect(created.orderNo).toMatch(/^GD20261013-\d{4}$/);

  // Fault repair starts at the city command center (routing DMN); the crew returns it, the city re-dispatches.
  await complete(platform, created, 'city-dispatch', accept);
  await complete(platform, created, 'unit-dispatch', { dispatchDecision: 'return', dispatchReason: '非本班组辖区' });
  const back = await waitForOrder(platform, created.orderNo, (o) => o.currentLevel === 'city', 'back at the city');
  expect(back.returns).toEqual([expect.objectContaining({ level: 'unit', comment: '非本班组辖区' })]);
  // The second city dispatch is done by someone else: the history names who did each level, not the first one.
  await platform.completeTask('admin', created.processInstanceKey, 'city-dispatch', accept);
  await complete(platform, created, 'unit-dispatch', accept);

  const arrive = await platform.openTask(created.processInstanceKey, 'arrive');
  expect(new Date(arrive.dueDate).toISOString()).toBe(at(45).toISOString());
  const handling = await orderDetail(platform, created.orderNo);
  expect(handling.state).toBe('handling');
  expect(handling.dispatch.map((d: any) => `${d.level}:${d.kind}`)).toEqual([
    'city:dispatch-accept',
    'unit:dispatch-return',
    'city:dispatch-accept',
    'unit:dispatch-accept',
  ]);
  expect(handling.dispatch.map((d: any) => `${d.actor} ${d.actorName}`)).toEqual([
    'majun 马军',
    'lutao 陆涛',
    'admin 系统管理员',
    'lutao 陆涛',
  ]);
  // A return's reason stays with the return: the accept after it has none.
  expect(handling.dispatch[2].comment).toBeNull();

  // Nothing yet at 30 min; the warning at 34 min (75 %), overdue at 45, escalation to the manager at 90.
  await platform.pinClock(at(30));
  expect((await orderDetail(platform, created.orderNo)).timeLimit.events).toEqual([]);
  await platform.pinClock(at(35));
  await waitForOrder(platform, created.orderNo, (o) => o.timeLimit.warned, 'arrival warning');
  await platform.pinClock(at(46));
  const overdue = await waitForOrder(
    platform,
    created.orderNo,
    (o) => o.timeLimit.events.length === 2,
    'arrival overdue',
  );
  expect(overdue.timeLimit.overdue).toBe(true);
  expect(overdue.timeLimit.escalated).toBe(false);
  expect(overdue.timeLimit.openSteps).toEqual([expect.objectContaining({ elementId: 'arrive', overdue: true })]);
  await platform.pinClock(at(91));
  const escalated = await waitForOrder(platform, created.orderNo, (o) => o.timeLimit.escalated, 'escalation');
  expect(escalated.timeLimit.events.map((e: any) => `${e.step}:${e.level}`)).toEqual([
    'arrival:warning',
    'arrival:overdue',
    'arrival:escalation',
  ]);
  const sent = await waitFor(async () => {
    const items = await notifications(created.orderNo);
    return items.length >= 3 ? items : undefined;
  });
  expect(sent.find((n: any) => n.kind === 'escalation').recipient).toBe('manager');
  expect(sent.find((n: any) => n.kind === 'warning').recipient).toBe('crew');

  // Arrival, repair and reply; review passes; the customer is not satisfied: the order reopens to handling.
  await complete(platform, created, 'arrive', { arrivalNote: '变压器低压熔丝熔断' });
  await replyReviewCallback(platform, created, 'restore', 'unsatisfied');
  const reopened = await waitForOrder(platform, created.orderNo, (o) => o.reopenCount === 1, 'reopened');
  expect(reopened.state).toBe('handling');
  expect(reopened.onTime).toBe(true); // the restoration limit (3 h) was kept although the arrival was late

  await complete(platform, created, 'arrive', { arrivalNote: '再次到场检查' });
  await replyReviewCallback(platform, created, 'restore', 'satisfied');
  const archived = await waitForOrder(platform, created.orderNo, (o) => o.state === 'archived', 'archived');
  expect(archived).toMatchObject({ reopenCount: 1, satisfaction: 'satisfied', handlingMinutes: 91 });
  expect(archived.callbacks).toHaveLength(2);
  expect(archived.reopenings).toHaveLength(1);
  const customerNotice = await waitFor(async () =>
    (await notifications(created.orderNo)).find((n: any) => n.recipientType === 'customer'),
  );
  expect(customerNotice.recipient).toBe(archived.phone);

  const statistics = (await (await platform.as('zhoumin')).get('/work-orders/statistics')).body;
  const pudong = statistics.byUnit.find((row: any) => row.key === 'SH-PD');
  expect(pudong).toMatchObject({ archived: 1, onTimeShare: 1, averageHandlingMinutes: 91 });
  expect(statistics.byType.find((row: any) => row.key === 'fault-repair').count).toBeGreaterThanOrEqual(1);
}, 120_000);

test('remote and rural repairs get 120 and 90 minutes; a remote one goes straight to the crew', async () => {
  const now = Date.parse((await (await platform.as('admin')).get('/admin/clock')).body.time);
  const remote = await createOrder(platform, { area: 'SH-CM', areaType: 'remote' });
  const remoteTask = await platform.openTask(remote.processInstanceKey, 'unit-dispatch');
  await complete(platform, remote, 'unit-dispatch', accept);
  expect(remoteTask).toBeDefined();
  const remoteArrive = await platform.openTask(remote.processInstanceKey, 'arrive');
  expect(Date.parse(remoteArrive.dueDate) - now).toBe(120 * 60_000);

  const rural = await createOrder(platform, { area: 'SH-CM', areaType: 'rural' });
  await complete(platform, rural, 'city-dispatch', accept);
  await complete(platform, rural, 'unit-dispatch', accept);
  const ruralArrive = await platform.openTask(rural.processInstanceKey, 'arrive');
  expect(Date.parse(ruralArrive.dueDate) - now).toBe(90 * 60_000);
  expect((await orderDetail(platform, rural.orderNo)).handlingUnit).toBe('SH-CM');
}, 60_000);
