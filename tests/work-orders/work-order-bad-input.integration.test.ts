/**
 * Orders the API refuses create nothing: no order row, no history, no process instance — an unknown type or a
 * missing phone (400), an area no unit serves (422), an urging of an unknown order (422); and only agents
 * create orders.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { orderBody, startWorkOrderPlatform } from './work-order-kit';
import { searchProcessInstances } from '../../lib/camunda/engine-api';

let platform: Platform;

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock('2026-10-13T01:00:00Z');
}, startWorkOrderPlatform);

async function counts() {
  const orders = (await (await platform.as('zhoumin')).get('/work-orders')).body.items.length;
  const instances = await searchProcessInstances(platform.application.services.camunda, {
    filter: { processDefinitionId: 'work-order' },
    page: { limit: 100 },
  });
  return { orders, instances: instances.length };
}

test('bad input is refused with the field named, and nothing is created', async () => {
  const agent = await platform.as('liuna');
  const valid = await agent.post('/work-orders', orderBody());
  expect(valid.status).toBe(201);
  // Searches lag the engine's commits a little: wait for the valid order's instance to show.
  const before = await waitFor(async () => {
    const now = await counts();
    return now.instances === 1 ? now : undefined;
  });
  expect(before).toEqual({ orders: 1, instances: 1 });

  const unknownType = await agent.post('/work-orders', orderBody({ orderType: 'weather' }));
  expect(unknownType.status).toBe(400);
  expect(unknownType.body.details.map((d: any) => d.field)).toContain('orderType');

  const noPhone = orderBody();
  delete noPhone.phone;
  const missingPhone = await agent.post('/work-orders', noPhone);
  expect(missingPhone.status).toBe(400);
  expect(missingPhone.body.details.map((d: any) => d.field)).toEqual(['phone']);
  expect((await agent.post('/work-orders', orderBody({ phone: '12345' }))).status).toBe(400);
  expect((await agent.post('/work-orders', orderBody({ subType: 'meter-test' }))).status).toBe(400);

  const unserved = await agent.post('/work-orders', orderBody({ area: 'XZ-NQ' }));
  expect(unserved.status).toBe(422);
  expect(unserved.body.code).toBe('AREA_NOT_SERVED');

  const urgingNothing = await agent.post(
    '/work-orders',
    orderBody({ orderType: 'urging', subType: undefined, relatedOrderNo: 'GD20000101-0001' }),
  );
  expect(urgingNothing.status).toBe(422);
  expect((await agent.post('/work-orders/GD20000101-0001/urge', {})).status).toBe(404);

  expect((await (await platform.as('lutao')).post('/work-orders', orderBody())).status).toBe(403);
  // One more valid order: once its instance shows, any instance a refused request had started would show too.
  expect((await agent.post('/work-orders', orderBody())).status).toBe(201);
  const after = await waitFor(async () => {
    const now = await counts();
    return now.orders === 2 && now.instances >= 2 ? now : undefined;
  });
  expect(after).toEqual({ orders: 2, instances: 2 });
}, 60_000);

test('landline numbers are accepted; filters narrow the list', async () => {
  const agent = await platform.as('liuna');
  const landline = await agent.post(
    '/work-orders',
    orderBody({ phone: '021-58881234', area: 'SH-MH', orderType: 'suggestion', subType: undefined }),
  );
  expect(landline.status).toBe(201);
  // The command center's dispatcher sees every unit's orders (a unit's manager only the unit's).
  const manager = await platform.as('majun');
  const byUnit = (await manager.get('/work-orders?unit=SH-MH')).body.items;
  expect(byUnit.map((o: any) => o.orderNo)).toEqual([landline.body.orderNo]);
  expect((await manager.get('/work-orders?type=suggestion&from=2026-10-13&to=2026-10-13')).body.items).toHaveLength(1);
  expect((await manager.get('/work-orders?type=suggestion&from=2026-10-14')).body.items).toHaveLength(0);
  expect((await manager.get('/work-orders?type=nonsense')).status).toBe(400);
  expect((await manager.get('/work-orders/GD19990101-0001')).status).toBe(404);
}, 30_000);
