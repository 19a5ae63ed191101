/**
 * Sign-in against the running platform: the per-login lockout and the end it names, an unknown login checked
 * against the dummy hash, hashes re-made with the current cost, sign-out and password changes revoking tokens at
 * once, the password policy, and the audit rows of each. Three failures lock a login here.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { User } from '../../db/core/user-models';
import * as password from '../../domain/users/password';
import {
  anonymousClient,
  signedInClient,
  startPlatform,
  usePlatform,
  type ApiClient,
  type Platform,
} from './platform-kit';

let platform: Platform;
let anonymous: ApiClient;

usePlatform(
  (started) => {
    platform = started;
    anonymous = anonymousClient(started);
  },
  () => startPlatform({ APP_SIGNIN_MAX_FAILURES: '3' }),
);

const login = (name: string, secret: string) => anonymous.post('/auth/login', { login: name, password: secret });

async function auditOf(actor: string, action: string) {
  const answer = await (await platform.as('admin')).get(`/audit?actor=${actor}&action=${action}`);
  expect(answer.status).toBe(200);
  return answer.body.items as { action: string; outcome: string; address: string; detail: any }[];
}

test('three failed sign-ins lock the login until a time the answer names, even for the right password', async () => {
  const before = Date.now();
  expect((await login('sunhao', 'wrong-1')).status).toBe(401);
  expect((await login('sunhao', 'wrong-2')).status).toBe(401);
  const third = await login('sunhao', 'wrong-3');
  expect(third.status).toBe(429);
  expect(third.body.code).toBe('SIGNIN_LOCKED');
  const until = Date.parse(third.body.details.lockedUntil);
  // The default lockout is 15 minutes from the failure that started it, rounded up to a whole second.
  expect(until).toBeGreaterThanOrEqual(before + 15 * 60_000);
  expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);
  expect(until % 1000).toBe(0);
  expect(third.body.message).toContain(third.body.details.lockedUntil);
  expect(third.body.message).toMatch(/锁定.* \/ .*locked until/);

  const right = await login('sunhao', 'demo1234');
  expect(right.status).toBe(429);
  expect(right.body.details).toEqual({ scope: 'login', lockedUntil: third.body.details.lockedUntil });

  const rows = await auditOf('sunhao', 'auth.login');
  expect(rows.map((row) => row.outcome)).toEqual(['refused', 'failed', 'failed', 'failed']);
  expect(rows[0].detail).toMatchObject({ reason: 'login-locked' });
  expect(rows[1].detail).toMatchObject({ reason: 'wrong-password', lockedUntil: third.body.details.lockedUntil });
  expect(rows.every((row) => /127\.0\.0\.1/.test(row.address))).toBe(true);
});

test('an unknown login is checked against the dummy hash and answered as a wrong password', async () => {
  const verify = jest.spyOn(password, 'verifyPassword');
  try {
    const unknown = await login('nobody-here', 'some-password-1');
    const known = await login('zhoumin', 'some-password-1');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(known.body);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify).toHaveBeenNthCalledWith(1, 'some-password-1', await password.dummyPasswordHash());
    const zhoumin = await User.findOne({ where: { login: 'zhoumin' } });
    expect(verify).toHaveBeenNthCalledWith(2, 'some-password-1', zhoumin!.passwordHash);
  } finally {
    verify.mockRestore();
  }
  const [row] = await auditOf('nobody-here', 'auth.login');
  expect(row).toMatchObject({ outcome: 'failed', detail: { reason: 'unknown-login' } });
});

test('a hash of the first format or of a lower cost still signs in, and is made again with the current cost', async () => {
  const salt = randomBytes(16).toString('hex');
  const firstFormat = `scrypt$${salt}$${scryptSync('first-format-1', salt, 32).toString('hex')}`;
  const cheaper = await password.hashPassword('cheaper-cost-1', { N: 1024, r: 8, p: 1 });
  await User.create({ login: 'first-format', name: '旧格式', phone: null, passwordHash: firstFormat });
  await User.create({ login: 'cheaper-cost', name: '低成本', phone: null, passwordHash: cheaper });
  for (const [name, secret] of [
    ['first-format', 'first-format-1'],
    ['cheaper-cost', 'cheaper-cost-1'],
  ]) {
    expect((await login(name, secret)).status).toBe(200);
    const { N, r, p } = password.CURRENT_COST;
    const stored = (await User.findOne({ where: { login: name } }))!.passwordHash;
    expect(stored.startsWith(`scrypt$${N}$${r}$${p}$`)).toBe(true);
    expect((await login(name, secret)).status).toBe(200);
    expect((await login(name, 'not-it-1')).status).toBe(401);
  }
});

test('signing out revokes the token at once', async () => {
  const zhangli = await signedInClient(platform, 'zhangli');
  expect((await zhangli.get('/auth/me')).status).toBe(200);
  expect((await zhangli.post('/auth/logout')).status).toBe(204);
  const after = await zhangli.get('/auth/me');
  expect(after.status).toBe(401);
  expect(after.body.code).toBe('UNAUTHORIZED');
  expect((await zhangli.get('/tasks')).status).toBe(401);
  const [row] = await auditOf('zhangli', 'auth.logout');
  expect(row).toMatchObject({ outcome: 'ok', address: expect.stringContaining('127.0.0.1') });
  expect((await (await signedInClient(platform, 'zhangli')).get('/auth/me')).status).toBe(200);
});

test('changing one’s own password: the policy, the current password, and the old tokens revoked', async () => {
  const wangqiang = await signedInClient(platform, 'wangqiang');
  const change = (current: string, next: string) => wangqiang.post('/auth/password', { current, next });

  const wrongCurrent = await change('not-demo1234', 'Survey2026x');
  expect(wrongCurrent.status).toBe(400);
  expect(wrongCurrent.body.details).toEqual([{ field: 'current', message: expect.stringContaining('current') }]);

  for (const [next, rule] of [
    ['short1', 'at least 10 characters'],
    ['onlyletterspassword', 'letters and digits'],
    ['1234567890123', 'letters and digits'],
    ['WangQiang', 'at least 10 characters'],
    ['Wangqiang2026', 'not contain the login'],
  ]) {
    const refused = await change('demo1234', next);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.message).toContain(rule);
    expect(refused.body.details[0].field).toBe('next');
  }

  const changed = await change('demo1234', 'Survey2026x');
  expect(changed.status).toBe(200);
  expect((await wangqiang.get('/auth/me')).status).toBe(401);
  const fresh = await signedInClient(platform, 'wangqiang', 'Survey2026x');
  expect((await fresh.get('/auth/me')).body.login).toBe('wangqiang');
  expect((await login('wangqiang', 'demo1234')).status).toBe(401);
  // The answer's own token works: the user stays signed in where they changed it.
  const answerToken = await fetch(`${platform.url}/api/auth/me`, {
    headers: { authorization: `Bearer ${changed.body.token}` },
  });
  expect(answerToken.status).toBe(200);

  const rows = await auditOf('wangqiang', 'user.password-change');
  expect(rows.map((row) => row.outcome)).toEqual(['ok', 'failed']);
});

test('wrong current passwords count as failed sign-ins: the third locks the login', async () => {
  const zhaolei = await signedInClient(platform, 'zhaolei');
  const change = () => zhaolei.post('/auth/password', { current: 'guess-2026', next: 'Build2026pass' });
  expect((await change()).status).toBe(400);
  expect((await change()).status).toBe(400);
  const third = await change();
  expect(third.status).toBe(429);
  expect(third.body.details.scope).toBe('login');
  expect((await login('zhaolei', 'demo1234')).status).toBe(429);
  const rows = await auditOf('zhaolei', 'user.password-change');
  expect(rows.map((row) => row.outcome)).toEqual(['failed', 'failed', 'failed']);
});
