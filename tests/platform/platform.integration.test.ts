/**
 * The platform's foundation end to end: login, users and roles, the tasklist API against a real user task, the
 * shared clock, and clear errors for bad input.
 */
import { anonymousClient, usePlatform, type Platform } from './platform-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

test('login gives a token; wrong passwords and missing tokens are refused', async () => {
  const anonymous = anonymousClient(platform);
  expect((await anonymous.post('/auth/login', { login: 'admin', password: 'wrong-password' })).status).toBe(401);
  expect((await anonymous.get('/users')).status).toBe(401);
  const bad = await anonymous.post('/auth/login', { login: '' });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toContain('password');
  const admin = await platform.as('admin');
  const me = await admin.get('/auth/me');
  expect(me.body.roles).toEqual(['admin']);
});

test('roles and groups are seeded; only administrators create users', async () => {
  const admin = await platform.as('admin');
  const roles = await admin.get('/roles');
  expect(roles.body.items.map((r: any) => r.code)).toEqual(
    expect.arrayContaining(['counter-clerk', 'surveyor', 'manager', 'admin']),
  );
  const clerk = await platform.as('zhangli');
  const refused = await clerk.post('/users', {
    login: 'lisi',
    name: '李四',
    password: 'password123',
    roles: ['surveyor'],
  });
  expect(refused.status).toBe(403);
  const created = await admin.post('/users', {
    login: 'lisi',
    name: '李四',
    password: 'password123',
    roles: ['surveyor'],
  });
  expect(created.status).toBe(201);
  expect(created.body).not.toHaveProperty('passwordHash');
  const unknownRole = await admin.post('/users', {
    login: 'lisi2',
    name: '李四',
    password: 'password123',
    roles: ['pilot'],
  });
  expect(unknownRole.status).toBe(404);
  expect(unknownRole.body.message).toContain('pilot');
});

test('pinning the clock moves the application and the engine together', async () => {
  await platform.pinClock('2026-10-08T01:00:00Z');
  const admin = await platform.as('admin');
  expect((await admin.get('/admin/clock')).body).toEqual({ time: '2026-10-08T01:00:00.000Z', pinned: true });
  const notIso = await admin.put('/admin/clock', { time: 'tomorrow' });
  expect(notIso.status).toBe(400);
});

test('unknown routes and malformed JSON get clear errors', async () => {
  const admin = await platform.as('admin');
  expect((await admin.get('/no-such-thing')).status).toBe(404);
  const response = await fetch(`${platform.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"login":',
  });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { code: string }).code).toBe('MALFORMED_JSON');
});
