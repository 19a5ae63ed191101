/**
 * Fault repair (故障报修) end to end, with the clocks pinned: the dispatch chain with a return up one level (each
 * level's actor in the history), step limits on one clock from acceptance that add up to the arrival commitment
 * (urban 45 min: city 10, crew 5, travel 30), the arrival limit's warning, overdue notice and escalation to the
 * manager as the clock moves, arrival and restoration times recorded by the crew and checked, the reply, review
 * and an unsatisfied callback that reopens the order, then archiving and statistics judged on the commitments.
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

/** A time of the test day in China time, as form-js's datetime field sends it. */
const china = (minutes: number) => {
  const local = new Date(T0 + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  return `${local}+08:00`;
};

async function completeRefused(created: { processInstanceKey: string }, elementId: string, variables: object) {
  const task = await platform.openTask(created.processInstanceKey, elementId);
  const answer = await (await platform.as('lutao')).post(`/tasks/${task.userTaskKey}/complete`, { variables });
  expect(answer.status).toBe(400);
  return answer.body.details.map((violation: any) => violation.field);
}

test('urban repair: a return goes one level up, the arrival limit warns, is overdue, escalates; unsatisfied reopens', async () => {
  const created = await createOrder(platform, { area: 'SH-PD', areaType: 'urban' });
  expect(created.orderNo).toMatch(/^GD20261013-\d{4}$/);
  // The dispatch steps were due 2 hours after creation; now their limits are the first parts of the 45 minutes.
  const cityTask = await platform.openTask(created.processInstanceKey, 'city-dispatch');
  expect(new Date(cityTask.dueDate).toISOString()).toBe(at(10).toISOString());
  expect((await orderDetail(platform, created.orderNo)).repair.arrival).toEqual({
    dueAt: at(45).toISOString(),
    at: null,
    late: null,
  });

  // Fault repair starts at the city command center (routing DMN); the crew returns it, the city re-dispatches.
  await complete(platform, created, 'city-dispatch', accept);
  await complete(platform, created, 'unit-dispatch', { dispatchDecision: 'return', dispatchReason: '非本班组辖区' });
  const back = await waitForOrder(platform, created.orderNo, (o) => o.currentLevel === 'city', 'back at the city');
  expect(back.returns).toEqual([expect.objectContaining({ level: 'unit', comment: '非本班组辖区' })]);
  // The city dispatcher the order came back to sees why, on the task (its form shows it read-only).
  const again = await platform.openTask(created.processInstanceKey, 'city-dispatch');
  const seen = await (await platform.as('majun')).get(`/tasks/${again.userTaskKey}`);
  expect(seen.body.variables).toMatchObject({ returnedReason: '非本班组辖区', returnedFrom: 'unit' });
  const form = await (await platform.as('majun')).get(`/tasks/${again.userTaskKey}/form`);
  expect(JSON.stringify(form.body.schema)).toContain('returnedReason');
  // The second city dispatch is done by someone else: the history names who did each level, not the first one.
  await platform.completeTask('admin', created.processInstanceKey, 'city-dispatch', accept);
  const unitTask = await platform.openTask(created.processInstanceKey, 'unit-dispatch');
  expect(new Date(unitTask.dueDate).toISOString()).toBe(at(15).toISOString());
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
  expect(overdue.repair.arrival).toMatchObject({ at: null, late: true });
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

  // The crew records its arrival: not a time, later than now (91 min) or before it took the order is refused.
  const arrival = { arrivalNote: '变压器低压熔丝熔断' };
  expect(await completeRefused(created, 'arrive', { ...arrival, arrivedAt: '十点半' })).toEqual(['arrivedAt']);
  expect(await completeRefused(created, 'arrive', { ...arrival, arrivedAt: china(95) })).toEqual(['arrivedAt']);
  expect(await completeRefused(created, 'arrive', { ...arrival, arrivedAt: china(-1) })).toEqual(['arrivedAt']);
  await complete(platform, created, 'arrive', { ...arrival, arrivedAt: china(88) });
  // Restoration is due 3 h after the recorded arrival, not after the step began; it may not precede the arrival.
  const restore = await platform.openTask(created.processInstanceKey, 'restore');
  expect(new Date(restore.dueDate).toISOString()).toBe(at(88 + 180).toISOString());
  const restored = { reply: '已更换熔丝，恢复送电' };
  expect(await completeRefused(created, 'restore', { ...restored, restoredAt: china(87) })).toEqual(['restoredAt']);
  await replyReviewCallback(platform, created, 'restore', 'unsatisfied', { restoredAt: china(90) });
  const reopened = await waitForOrder(platform, created.orderNo, (o) => o.reopenCount === 1, 'reopened');
  expect(reopened.state).toBe('handling');
  // Restored within 3 h of arriving, but the arrival missed its 45 minutes: the order is late.
  expect(reopened.repair).toEqual({
    arrival: { dueAt: at(45).toISOString(), at: at(88).toISOString(), late: true },
    restoration: { dueAt: at(268).toISOString(), at: at(90).toISOString(), late: false },
    onTime: false,
  });
  expect(reopened.onTime).toBe(false);
  expect(reopened.history.map((h: any) => h.kind)).toEqual(expect.arrayContaining(['arrival', 'restoration']));

  // The second visit is kept in the history; the commitments judge the first.
  await complete(platform, created, 'arrive', { arrivalNote: '再次到场检查', arrivedAt: china(91) });
  await replyReviewCallback(platform, created, 'restore', 'satisfied', { restoredAt: china(91) });
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
  expect(pudong).toMatchObject({ archived: 1, onTimeCounted: 1, onTimeShare: 0, averageHandlingMinutes: 91 });
  expect(statistics.byType.find((row: any) => row.key === 'fault-repair').count).toBeGreaterThanOrEqual(1);
}, 120_000);

test('remote and rural repairs get 120 and 90 minutes; a remote one goes straight to the crew', async () => {
  const now = Date.parse((await (await platform.as('admin')).get('/admin/clock')).body.time);
  const remote = await createOrder(platform, { area: 'SH-CM', areaType: 'remote' });
  const remoteTask = await platform.openTask(remote.processInstanceKey, 'unit-dispatch');
  await complete(platform, remote, 'unit-dispatch', accept, 'caiyong');
  expect(remoteTask).toBeDefined();
  const remoteArrive = await platform.openTask(remote.processInstanceKey, 'arrive');
  expect(Date.parse(remoteArrive.dueDate) - now).toBe(120 * 60_000);

  const rural = await createOrder(platform, { area: 'SH-CM', areaType: 'rural' });
  await complete(platform, rural, 'city-dispatch', accept);
  await complete(platform, rural, 'unit-dispatch', accept, 'caiyong');
  const ruralArrive = await platform.openTask(rural.processInstanceKey, 'arrive');
  expect(Date.parse(ruralArrive.dueDate) - now).toBe(90 * 60_000);
  expect((await orderDetail(platform, rural.orderNo, 'majun')).handlingUnit).toBe('SH-CM');
}, 60_000);

test('statistics judge repairs on both commitments, recorded or overdue; nothing to count is said so', async () => {
  const T2 = Date.parse('2026-10-20T01:00:00Z'); // Tuesday 09:00 China time, a day with no other orders
  const on = (minutes: number) => new Date(T2 + minutes * 60_000);
  const chinaTime = (minutes: number) =>
    `${new Date(T2 + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16)}+08:00`;
  await platform.pinClock(on(0));
  const manager = await platform.as('zhoumin');
  const statistics = async () =>
    (await manager.get('/work-orders/statistics?from=2026-10-20&to=2026-10-20')).body.byType.find(
      (row: any) => row.key === 'fault-repair',
    );
  const crewTakes = async (created: any) => {
    await complete(platform, created, 'city-dispatch', accept);
    await complete(platform, created, 'unit-dispatch', accept);
  };

  const kept = await createOrder(platform, { area: 'SH-PD', areaType: 'urban' });
  const restorationLate = await createOrder(platform, { area: 'SH-PD', areaType: 'urban' });
  const neverArrived = await createOrder(platform, { area: 'SH-PD', areaType: 'urban' });
  // Nothing decided yet: the share is null and the answer says why.
  expect(await statistics()).toMatchObject({ count: 3, onTimeCounted: 0, onTimeShare: null });
  expect((await statistics()).onTimeNote).toContain('no order here is decided');

  await crewTakes(kept);
  await crewTakes(restorationLate);
  await platform.pinClock(on(40));
  await complete(platform, kept, 'arrive', { arrivalNote: '到场', arrivedAt: chinaTime(30) });
  await complete(platform, restorationLate, 'arrive', { arrivalNote: '到场', arrivedAt: chinaTime(40) });
  await platform.pinClock(on(100));
  await complete(platform, kept, 'restore', { reply: '已恢复送电', restoredAt: chinaTime(100) });
  await waitForOrder(platform, kept.orderNo, (o) => o.repair.onTime === true, 'kept both commitments');
  // The crew's arrival is written by a worker: until it is, the order looks as if nobody arrived by 45 min.
  await waitForOrder(platform, restorationLate.orderNo, (o) => o.repair.arrival.at !== null, 'arrival recorded');
  // At 100 min: one kept both, one arrived late by not arriving (due at 45): 1 of 2 decided on time.
  expect(await statistics()).toMatchObject({ onTimeCounted: 2, onTimeShare: 0.5 });

  // 3 h after its arrival (40 + 180) the second is still not restored: late, overdue on the manager's view.
  await platform.pinClock(on(221));
  const late = await orderDetail(platform, restorationLate.orderNo);
  expect(late.repair).toMatchObject({ arrival: { late: false }, restoration: { at: null, late: true }, onTime: false });
  expect(late.timeLimit.overdue).toBe(true);
  expect(await statistics()).toMatchObject({ count: 3, onTimeCounted: 3, onTimeShare: 0.333 });
  expect((await orderDetail(platform, neverArrived.orderNo)).repair.arrival).toMatchObject({ at: null, late: true });
}, 90_000);
