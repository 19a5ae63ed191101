/**
 * The clock pin (PUT /api/admin/clock) outlives a restart of the application: a platform pinned for a training or a
 * demo stays on the pinned day instead of its application falling back to the wall clock while the engine (which
 * keeps its own pin as state, tests/durability/event-restart) stands still. A reset stays reset.
 */
import { appClock } from '../../lib/clock/app-clock';
import { startApplication, type RunningApplication } from '../../platform/application';
import { apiClient, startPlatform, type Platform } from './platform-kit';

jest.setTimeout(180_000);

const PINNED = '2031-03-04T02:00:00.000Z';
let platform: Platform;
let restarted: RunningApplication | undefined;

afterAll(async () => {
  await restarted?.stop();
  await platform?.engine.stop();
  await appClock.reset();
});

/** Stops the running application and starts it again on the same database and engine, as a new process would. */
async function restartApplication(): Promise<string> {
  const config = (restarted ?? platform.application).services.config;
  await (restarted ?? platform.application).stop();
  await appClock.reset(); // a new process starts with the wall clock
  restarted = await startApplication(config, { demoData: false });
  return restarted.url;
}

async function adminOf(url: string) {
  const login = await apiClient(url).post('/auth/login', { login: 'admin', password: 'demo1234' });
  return apiClient(url, login.body.token);
}

async function clockAfterSignIn(url: string): Promise<{ time: string; pinned: boolean }> {
  const clock = await (await adminOf(url)).get('/admin/clock');
  expect(clock.status).toBe(200);
  return clock.body;
}

test('a pinned clock is still pinned after a restart, a reset one is not, and both are audited', async () => {
  platform = await startPlatform();
  await platform.pinClock(PINNED);

  let url = await restartApplication();
  expect(await clockAfterSignIn(url)).toEqual({ time: PINNED, pinned: true });

  expect((await (await adminOf(url)).delete('/admin/clock')).status).toBe(200);
  url = await restartApplication();
  const after = await clockAfterSignIn(url);
  expect(after.pinned).toBe(false);
  expect(Math.abs(Date.parse(after.time) - Date.now())).toBeLessThan(60_000);

  const audit = await (await adminOf(url)).get('/audit?action=clock.');
  const entries = audit.body.items.map((entry: { actor: string; action: string }) => [entry.actor, entry.action]);
  expect(entries).toEqual(
    expect.arrayContaining([
      ['admin', 'clock.pin'],
      ['admin', 'clock.reset'],
    ]),
  );
});
