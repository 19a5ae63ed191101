/**
 * User administration through the API: administrators create, edit (name, phone, roles, groups), deactivate,
 * reactivate users and reset their passwords; every other role is refused; deactivation and a reset revoke the
 * user's tokens at once, a role change holds at once; each change is in the audit log.
 */
import { anonymousClient, signedInClient, usePlatform, type ApiClient, type Platform } from './platform-kit';

let platform: Platform;
let admin: ApiClient;
let lisiId: number;

usePlatform(async (started) => {
  platform = started;
  admin = await started.as('admin');
});

const adminAudit = async (query: string) => (await admin.get(`/audit?${query}`)).body.items as any[];

test('only administrators change users', async () => {
  const clerk = await platform.as('zhangli');
  const zhangli = (await admin.get('/users')).body.items.find((user: any) => user.login === 'zhangli');
  const attempts = [
    clerk.post('/users', { login: 'lisi', name: '李四', password: 'Lisi2026pass', roles: [] }),
    clerk.patch(`/users/${zhangli.id}`, { roles: ['admin'] }),
    clerk.post(`/users/${zhangli.id}/deactivate`),
    clerk.post(`/users/${zhangli.id}/reactivate`),
    clerk.post(`/users/${zhangli.id}/reset-password`, { password: 'Another2026x' }),
  ];
  for (const answer of await Promise.all(attempts)) {
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN');
  }
  expect((await admin.get(`/users/${zhangli.id}`)).body.roles).toEqual(['counter-clerk']);
});

test('a new user’s password follows the policy', async () => {
  const weak = await admin.post('/users', { login: 'lisi', name: '李四', password: 'lisi1234', roles: ['surveyor'] });
  expect(weak.status).toBe(400);
  expect(weak.body.details.map((detail: any) => detail.field)).toEqual(['password', 'password']);
  expect(weak.body.message).toContain('at least 10 characters');
  expect(weak.body.message).toContain('not contain the login');
  const created = await admin.post('/users', {
    login: 'lisi',
    name: '李四',
    password: 'Survey2026pass',
    roles: ['surveyor'],
    groups: ['SH-PD'],
  });
  expect(created.status).toBe(201);
  expect(created.body.passwordChangedAt).toEqual(expect.any(String));
  lisiId = created.body.id;
  const [row] = await adminAudit('action=user.create&target=user:lisi');
  expect(row).toMatchObject({ actor: 'admin', outcome: 'ok', detail: { roles: ['surveyor'], groups: ['SH-PD'] } });
});

test('editing a user: name, phone, roles and groups; a role change holds for their current token at once', async () => {
  const lisi = await signedInClient(platform, 'lisi', 'Survey2026pass');
  expect((await lisi.get('/audit')).status).toBe(403);
  const edited = await admin.patch(`/users/${lisiId}`, {
    name: '李四四',
    phone: '13800000000',
    roles: ['surveyor', 'admin'],
    groups: ['SH-PD', 'SH-MH'],
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ name: '李四四', phone: '13800000000', groups: ['SH-PD', 'SH-MH'] });
  const me = await lisi.get('/auth/me');
  expect(me.body).toMatchObject({ name: '李四四', roles: ['surveyor', 'admin'] });
  expect((await lisi.get('/audit')).status).toBe(200);
  expect((await admin.patch(`/users/${lisiId}`, { roles: ['surveyor'] })).status).toBe(200);
  expect((await lisi.get('/audit')).status).toBe(403);

  const [row] = await adminAudit('action=user.update&target=user:lisi&size=1');
  expect(row.detail).toEqual({ fields: ['roles'], roles: { before: ['surveyor', 'admin'], after: ['surveyor'] } });

  expect((await admin.patch(`/users/${lisiId}`, { roles: ['pilot'] })).status).toBe(404);
  expect((await admin.patch(`/users/${lisiId}`, {})).status).toBe(400);
  const unknownField = await admin.patch(`/users/${lisiId}`, { password: 'Survey2027pass' });
  expect(unknownField.status).toBe(400);
  expect((await admin.patch('/users/999999', { name: '无' })).status).toBe(404);
  expect((await admin.patch('/users/abc', { name: '无' })).status).toBe(400);
});

test('deactivating a user revokes their token at once and refuses their sign-in; reactivating lets them in', async () => {
  const lisi = await signedInClient(platform, 'lisi', 'Survey2026pass');
  expect((await lisi.get('/auth/me')).status).toBe(200);
  const deactivated = await admin.post(`/users/${lisiId}/deactivate`);
  expect(deactivated.status).toBe(200);
  expect(deactivated.body.active).toBe(false);
  expect((await lisi.get('/auth/me')).status).toBe(401);
  const signIn = await anonymousClient(platform).post('/auth/login', { login: 'lisi', password: 'Survey2026pass' });
  expect(signIn.status).toBe(403);
  expect(signIn.body.code).toBe('USER_DEACTIVATED');

  const reactivated = await admin.post(`/users/${lisiId}/reactivate`);
  expect(reactivated.body.active).toBe(true);
  expect((await lisi.get('/auth/me')).status).toBe(401);
  expect((await (await signedInClient(platform, 'lisi', 'Survey2026pass')).get('/auth/me')).status).toBe(200);

  const self = (await admin.get('/auth/me')).body;
  const adminUser = (await admin.get('/users')).body.items.find((user: any) => user.login === self.login);
  const selfDeactivation = await admin.post(`/users/${adminUser.id}/deactivate`);
  expect(selfDeactivation.status).toBe(409);

  const actions = (await adminAudit('actor=admin&target=user:lisi')).map((row) => row.action);
  expect(actions.slice(0, 2)).toEqual(['user.reactivate', 'user.deactivate']);
});

test('resetting a password follows the policy and revokes the user’s tokens', async () => {
  const lisi = await signedInClient(platform, 'lisi', 'Survey2026pass');
  const weak = await admin.post(`/users/${lisiId}/reset-password`, { password: 'abcdefghijk' });
  expect(weak.status).toBe(400);
  expect(weak.body.details).toEqual([{ field: 'password', message: expect.stringContaining('letters and digits') }]);
  expect((await lisi.get('/auth/me')).status).toBe(200);
  const reset = await admin.post(`/users/${lisiId}/reset-password`, { password: 'Reset2026pass' });
  expect(reset.status).toBe(200);
  expect((await lisi.get('/auth/me')).status).toBe(401);
  expect((await (await signedInClient(platform, 'lisi', 'Reset2026pass')).get('/auth/me')).status).toBe(200);
  const [row] = await adminAudit('action=user.password-reset');
  expect(row).toMatchObject({ actor: 'admin', target: 'user:lisi', outcome: 'ok' });
  expect(JSON.stringify(row)).not.toContain('Reset2026pass');
});

test('the user list is paged on the server and found by part of a name, login or phone, by role, unit and state', async () => {
  const logins = async (query: string) => {
    const answer = await admin.get(`/users?${query}`);
    expect(answer.status).toBe(200);
    return answer.body as { items: { login: string }[]; total: number; page: number; size: number };
  };
  const all = await logins('size=500');
  expect(all.total).toBe(all.items.length);
  const second = await logins('page=2&size=3');
  expect(second).toMatchObject({ page: 2, size: 3, total: all.total });
  expect(second.items.map((user) => user.login)).toEqual(all.items.slice(3, 6).map((user) => user.login));

  expect((await logins('q=lisi')).items.map((user) => user.login)).toEqual(['lisi']);
  expect((await logins(`q=${encodeURIComponent('王强')}`)).items.map((user) => user.login)).toContain('wangqiang');
  const surveyors = await logins('role=surveyor&size=500');
  expect(surveyors.items.map((user) => user.login)).toEqual(expect.arrayContaining(['wangqiang', 'lisi']));
  expect(surveyors.items.map((user) => user.login)).not.toContain('zhangli');
  expect((await logins('unit=SH-PD&role=surveyor')).items.map((user) => user.login)).toContain('lisi');
  // `_` is matched as typed, not as any one character.
  expect((await logins('q=_')).total).toBe(0);
  const active = await logins('active=true&size=500');
  expect(active.items.every((user: any) => user.active === true)).toBe(true);
  expect(active.total + (await logins('active=false')).total).toBe(all.total);

  const unknown = await admin.get('/users?sort=name');
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toContain('sort');
});
