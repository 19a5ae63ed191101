/**
 * What the administrators' screens stand on: units added and edited (with the errors a bad one gets), the
 * notifications list by delivery state a page at a time, and the time-limit and fee tables read back from the engine.
 */
import { notify, type NotifyAdapter } from '../../domain/notifications';
import { RULE_TABLES } from '../../domain/rule-tables';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let platform: Platform;
usePlatform((started) => {
  platform = started;
});

test('an administrator adds a unit under a higher one and edits it; a bad parent, level or code is named', async () => {
  const admin = await platform.as('admin');
  const created = await admin.post('/groups', {
    code: 'SH-PD-YX',
    name: '浦东营销班',
    level: 'crew',
    parentCode: 'SH-PD',
    areas: ['SH-PD'],
  });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({
    code: 'SH-PD-YX',
    name: '浦东营销班',
    level: 'crew',
    parentCode: 'SH-PD',
    areas: ['SH-PD'],
  });
  expect((await admin.post('/groups', { ...created.body })).status).toBe(409);
  const underCrew = await admin.post('/groups', {
    code: 'X-1',
    name: '班下单位',
    level: 'unit',
    parentCode: 'SH-PD-YX',
  });
  expect(underCrew.status).toBe(400);
  expect(underCrew.body.details).toEqual([expect.objectContaining({ field: 'parentCode' })]);
  const badCode = await admin.post('/groups', { code: 'x y', name: '', level: 'team' });
  expect(badCode.status).toBe(400);
  expect(badCode.body.details.map((d: any) => d.field).sort()).toEqual(['code', 'level', 'name']);
  expect((await admin.post('/groups', { code: 'X-2', name: 'x', level: 'unit', parentCode: 'NOPE' })).status).toBe(404);

  const renamed = await admin.patch('/groups/SH-PD-YX', { name: '浦东营销一班' });
  expect(renamed.body).toMatchObject({ code: 'SH-PD-YX', name: '浦东营销一班', parentCode: 'SH-PD' });
  // SH-PD has crews below it: it cannot become a crew itself.
  const demoted = await admin.patch('/groups/SH-PD', { level: 'crew' });
  expect(demoted.status).toBe(400);
  expect(demoted.body.details).toEqual([expect.objectContaining({ field: 'level' })]);
  expect((await admin.patch('/groups/NOPE', { name: 'x' })).status).toBe(404);
  expect((await (await platform.as('zhangli')).post('/groups', { ...created.body, code: 'X-3' })).status).toBe(403);

  const listed = (await admin.get('/groups')).body.items as any[];
  expect(listed.find((unit) => unit.code === 'SH-PD-YX')).toMatchObject({ name: '浦东营销一班' });
  const audit = await admin.get('/audit?action=unit.&target=unit:SH-PD-YX');
  expect(audit.body.items.map((entry: any) => entry.action)).toEqual(['unit.update', 'unit.create']);
});

test('notifications list by delivery state and kind, a page at a time, with the total', async () => {
  const sent: NotifyAdapter = { name: 'memory', send: async () => undefined };
  const broken: NotifyAdapter = { name: 'broken', send: () => Promise.reject(new Error('gateway down')) };
  const message = (n: number) => ({
    dedupKey: `admin-test:${n}`,
    kind: 'admin-test',
    recipientType: 'role' as const,
    recipient: 'manager',
    title: `测试通知 ${n}`,
    body: '测试',
  });
  for (const n of [1, 2, 3]) await notify(message(n), { adapter: sent });
  await notify(message(4), { adapter: broken });
  const admin = await platform.as('admin');
  const failed = await admin.get('/notifications?kind=admin-test&status=failed');
  expect(failed.body).toMatchObject({
    total: 1,
    page: 1,
    items: [{ title: '测试通知 4', status: 'failed', sentAt: null }],
  });
  const firstPage = await admin.get('/notifications?kind=admin-test&status=sent&limit=2');
  expect(firstPage.body.total).toBe(3);
  expect(firstPage.body.items.map((item: any) => item.title)).toEqual(['测试通知 3', '测试通知 2']);
  const secondPage = await admin.get('/notifications?kind=admin-test&status=sent&limit=2&page=2');
  expect(secondPage.body.items.map((item: any) => item.title)).toEqual(['测试通知 1']);
  expect(secondPage.body.items[0].sentAt).toEqual(expect.any(String));
  expect((await admin.get('/notifications?status=lost')).status).toBe(400);
});

test('the time-limit and fee tables come from the engine, each with the file it is changed in', async () => {
  const answer = await (await platform.as('admin')).get('/admin/rule-tables');
  expect(answer.status).toBe(200);
  const items = answer.body.items as any[];
  expect(items.map((item) => item.decisionId)).toEqual(RULE_TABLES.map((table) => table.decisionId));
  for (const item of items) {
    expect(item.version).toBeGreaterThanOrEqual(1);
    // The file named holds the decision shown.
    expect(readFileSync(join(__dirname, '..', '..', item.file), 'utf8')).toContain(`<decision id="${item.decisionId}"`);
    expect(item.table.rules.length).toBeGreaterThan(0);
    for (const rule of item.table.rules) {
      expect(rule.inputs).toHaveLength(item.table.inputs.length);
      expect(rule.outputs).toHaveLength(item.table.outputs.length);
    }
  }
  const fee = items.find((item) => item.decisionId === 'high-reliability-fee');
  expect(fee.kind).toBe('fee');
  expect(fee.table.outputs).toEqual([{ label: '费率 Rate (yuan/kVA)', name: 'ratePerKva' }]);
  expect(fee.table.rules).toContainEqual({
    description: '20 kV overhead, supplier builds (docs/business-rules.md §1.5)',
    inputs: ['-', '-', '"20kV"', '"overhead"', '"supplier"'],
    outputs: ['190'],
  });
  expect((await (await platform.as('zhoumin')).get('/admin/rule-tables')).status).toBe(403);
});
