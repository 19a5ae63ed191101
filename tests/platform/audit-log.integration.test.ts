/**
 * GET /api/audit: administrators only; search by actor, action (whole code or a prefix ending in `.`), outcome
 * and time, newest first, paged. The rows searched are real: sign-ins and the start's model deployment.
 */
import { anonymousClient, signedInClient, usePlatform, type ApiClient, type Platform } from './platform-kit';

let platform: Platform;
let admin: ApiClient;
let startedAt: string;

usePlatform(async (started) => {
  platform = started;
  startedAt = new Date(Date.now() - 60_000).toISOString();
  admin = await started.as('admin');
});

test('only administrators search the audit log', async () => {
  for (const login of ['zhangli', 'zhoumin', 'chenjing']) {
    const answer = await (await platform.as(login)).get('/audit');
    expect(answer.status).toBe(403);
  }
  expect((await anonymousClient(platform).get('/audit')).status).toBe(401);
  expect((await admin.get('/audit?actor=admin')).status).toBe(200);
  expect((await admin.get('/audit?colour=red')).status).toBe(400);
});

test('the deployment at start is recorded, by the system, with the files it deployed', async () => {
  const { items } = (await admin.get('/audit?action=model.deploy')).body;
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ actor: 'system', outcome: 'ok', target: expect.stringMatching(/^deployment:\d+$/) });
  expect(items[0].detail.files).toEqual(expect.arrayContaining([expect.stringMatching(/\.bpmn$/)]));
});

test('sign-ins, ok and failed, with their address; searched by actor, action prefix, outcome and time', async () => {
  const anonymous = anonymousClient(platform);
  await anonymous.post('/auth/login', { login: 'chenjing', password: 'not-the-password-1' });
  await signedInClient(platform, 'chenjing');
  // The first sign-in was the one of the test above.
  const ofChenjing = (await admin.get('/audit?actor=chenjing&action=auth.login')).body;
  expect(ofChenjing.items.map((row: any) => row.outcome)).toEqual(['ok', 'failed', 'ok']);
  expect(ofChenjing.items.every((row: any) => row.address.includes('127.0.0.1'))).toBe(true);

  const failed = (await admin.get('/audit?action=auth.&outcome=failed')).body.items;
  expect(failed.map((row: any) => row.actor)).toEqual(['chenjing']);

  const signIns = (await admin.get(`/audit?action=auth.login&from=${startedAt}`)).body;
  expect(signIns.items.map((row: any) => row.actor)).toEqual(
    expect.arrayContaining(['admin', 'zhangli', 'zhoumin', 'chenjing']),
  );
  const future = new Date(Date.now() + 3_600_000).toISOString();
  expect((await admin.get(`/audit?action=auth.login&from=${future}`)).body.total).toBe(0);
  expect((await admin.get(`/audit?action=auth.login&to=${startedAt}`)).body.total).toBe(0);

  const firstPage = (await admin.get('/audit?action=auth.login&size=2')).body;
  expect(firstPage.items).toHaveLength(2);
  expect(firstPage.total).toBe(signIns.total);
  const times = firstPage.items.map((row: any) => Date.parse(row.createdAt));
  expect(times[0]).toBeGreaterThanOrEqual(times[1]);
});
