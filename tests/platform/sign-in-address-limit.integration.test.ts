/**
 * The per-address limit: failed sign-ins from one address, each with another login (so no login reaches its own
 * limit), lock the address for every login, the right password included, until the end the answer names; after
 * it, sign-in works again. Four failures lock an address here, for six seconds.
 */
import { anonymousClient, startPlatform, usePlatform, type ApiClient } from './platform-kit';

let anonymous: ApiClient;

usePlatform(
  (started) => {
    anonymous = anonymousClient(started);
  },
  () =>
    startPlatform({
      APP_SIGNIN_MAX_FAILURES: '10',
      APP_SIGNIN_ADDRESS_MAX_FAILURES: '4',
      APP_SIGNIN_LOCKOUT_MINUTES: '0.1',
    }),
);

const login = (name: string, secret: string) => anonymous.post('/auth/login', { login: name, password: secret });

test('four failures from one address lock it for every login until the named end, then sign-in works again', async () => {
  const statuses = [];
  for (const name of ['ghost-1', 'ghost-2', 'zhoumin']) statuses.push((await login(name, 'wrong-password-1')).status);
  expect(statuses).toEqual([401, 401, 401]);
  const fourth = await login('ghost-3', 'wrong-password-1');
  expect(fourth.status).toBe(429);
  expect(fourth.body.details.scope).toBe('address');
  expect(fourth.body.message).toContain(`locked until ${fourth.body.details.lockedUntil}`);
  expect(fourth.body.message).toContain('address');

  const rightPassword = await login('admin', 'demo1234');
  expect(rightPassword.status).toBe(429);
  expect(rightPassword.body.details).toEqual(fourth.body.details);

  const waitMs = Date.parse(fourth.body.details.lockedUntil) - Date.now() + 100;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs)));
  const after = await login('admin', 'demo1234');
  expect(after.status).toBe(200);
  expect(after.body.user.login).toBe('admin');
}, 60_000);
