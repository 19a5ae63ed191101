/**
 * The dashboards' API on the real engine: 95598 orders seeded on a pinned clock, a step's durations from its
 * completed tasks, the backlog and overdue list against the tasklist's own counts, a unit outside the manager's
 * not found, a reversed period refused.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import { complete, createOrder, startWorkOrderPlatform, type Created } from '../work-orders/work-order-kit';

let platform: Platform;
const orders: Created[] = [];
const PERIOD = 'from=2026-03-01&to=2026-03-31';

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock('2026-03-02T09:00:00+08:00');
  orders.push(await createOrder(platform, { orderType: 'consultation', subType: undefined }));
  orders.push(await createOrder(platform));
  await platform.openTask(orders[0].processInstanceKey, 'agent-answer');
  await platform.pinClock('2026-03-02T13:00:00+08:00');
  await complete(platform, orders[0], 'agent-answer', { answer: '可通过网上国网缴费', answerResolved: true });
}, startWorkOrderPlatform);

const manager = () => platform.as('zhoumin');

test('step durations count the completed task with its 4 hours', async () => {
  const answer = await (await manager()).get(`/dashboards/steps?${PERIOD}`);
  expect(answer.status).toBe(200);
  const step = answer.body.steps.find((row: any) => row.elementId === 'agent-answer');
  expect(step).toMatchObject({ completed: 1, meanHours: 4, p90Hours: 4 });
  const outside = await (await manager()).get('/dashboards/steps?from=2026-04-01&to=2026-04-30');
  expect(outside.body.steps).toEqual([]);
});

test('95598 orders per type and satisfaction, with urgings and supervisions', async () => {
  const answer = await (await manager()).get(`/dashboards/work-orders?${PERIOD}`);
  expect(answer.status).toBe(200);
  expect(answer.body.total).toBe(2);
  expect(answer.body.byType).toEqual([
    { key: 'consultation', count: 1 },
    { key: 'fault-repair', count: 1 },
  ]);
  expect(answer.body.byArea).toEqual([{ key: 'SH-PD', count: 2 }]);
  expect(answer.body.urging).toEqual({ urgings: 0, ordersUrged: 0, supervisions: 0, ordersSupervised: 0 });
});

test('backlog and overdue list agree with the tasklist', async () => {
  const admin = await platform.as('admin');
  const open = (await admin.get('/tasks?scope=group&size=1')).body.total;
  const backlog = await (await manager()).get('/dashboards/backlog');
  expect(backlog.status).toBe(200);
  expect(backlog.body.open).toBe(open);
  const overdue = (await admin.get('/tasks?scope=group&dueState=overdue&size=1')).body.total;
  const warning = (await admin.get('/tasks?scope=group&dueState=warning&size=1')).body.total;
  const list = await (await manager()).get('/dashboards/overdue?size=5');
  expect(list.status).toBe(200);
  expect(list.body.total).toBe(overdue + warning);
  // The fault repair's arrival commitment (45 min in town) has passed four hours ago.
  expect(overdue).toBeGreaterThan(0);
  expect(list.body.items[0].timeLimit.state).toBe('overdue');
});

test('a unit outside the manager is not found; a reversed period is refused', async () => {
  expect((await (await manager()).get(`/dashboards/compliance?${PERIOD}&unit=NOPE`)).status).toBe(404);
  expect((await (await manager()).get('/dashboards/compliance?from=2026-03-31&to=2026-03-01')).status).toBe(400);
  const compliance = await (await manager()).get(`/dashboards/compliance?${PERIOD}`);
  expect(compliance.status).toBe(200);
  expect(compliance.body).toMatchObject({ finished: 0, compliant: 0, compliantShare: null, byUnit: [], access: [] });
});
