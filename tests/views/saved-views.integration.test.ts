/**
 * Saved views of the tasklist: private to their owner or shared with one of the owner's roles or groups, opened by
 * id by those they are shared with, checked like the list's own query, deleted only by their owner.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';

let platform: Platform;
usePlatform((started) => {
  platform = started;
});

test('a private view is its owner’s; a view shared with an org group opens for its members', async () => {
  const clerk = await platform.as('zhangli');
  const mine = await clerk.post('/views', {
    name: '我的逾期',
    list: 'tasks',
    query: 'scope=mine&dueState=overdue&page=3',
  });
  expect(mine.status).toBe(201);
  expect(mine.body).toMatchObject({ owner: 'zhangli', query: 'dueState=overdue&scope=mine', mine: true });
  const shared = await clerk.post('/views', {
    name: '浦东业扩',
    list: 'tasks',
    query: '?scope=group&area=business-expansion&sort=dueDate',
    sharedWith: 'SH-PD',
  });
  expect(shared.status).toBe(201);

  const manager = await platform.as('zhoumin'); // in SH-PD
  const seen = (await manager.get('/views?list=tasks')).body.items as any[];
  expect(seen.map((view) => view.name)).toEqual(['浦东业扩']);
  expect((await manager.get(`/views/${shared.body.id}`)).body).toMatchObject({ mine: false, owner: 'zhangli' });
  expect((await manager.get(`/views/${mine.body.id}`)).status).toBe(404);
  expect((await manager.delete(`/views/${shared.body.id}`)).status).toBe(403);

  const agent = await platform.as('admin');
  expect((await agent.get('/views')).body.items).toEqual([]);

  expect((await clerk.delete(`/views/${mine.body.id}`)).status).toBe(200);
  expect((await clerk.get(`/views/${mine.body.id}`)).status).toBe(404);
});

test('a view’s query is checked like the list’s, and it is shared only with one of the owner’s own groups', async () => {
  const clerk = await platform.as('zhangli');
  const badFilter = await clerk.post('/views', { name: 'x', list: 'tasks', query: 'scope=mine&colour=red' });
  expect(badFilter.status).toBe(400);
  expect(JSON.stringify(badFilter.body)).toContain('colour');
  const badValue = await clerk.post('/views', { name: 'x', list: 'tasks', query: 'dueState=someday' });
  expect(badValue.status).toBe(400);
  const notMine = await clerk.post('/views', { name: 'x', list: 'tasks', query: '', sharedWith: 'manager' });
  expect(notMine.status).toBe(400);
  expect(notMine.body.details).toEqual([expect.objectContaining({ field: 'sharedWith' })]);
  expect((await clerk.post('/views', { name: '', list: 'tasks', query: '' })).status).toBe(400);
});
