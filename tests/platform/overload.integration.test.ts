/**
 * Past capacity the API answers at once: with APP_MAX_IN_FLIGHT=2, a burst of list requests gets some served and
 * the rest a 503 with Retry-After (never a 500 or a hang), the health answer stays out of the limit, and the API
 * serves normally again once the burst is over. The engine refusing for load is a 503 with Retry-After too.
 */
import { engineBusyAnswer, isEngineBusy } from '../../api/http/overload';
import { startPlatform, usePlatform, type Platform } from './platform-kit';

let platform: Platform;
usePlatform(
  (started) => {
    platform = started;
  },
  () => startPlatform({ APP_MAX_IN_FLIGHT: '2' }),
);

test('a burst past the limit is answered 503 with Retry-After; the API serves again after it', async () => {
  const admin = await platform.as('admin');
  const answers = await Promise.all(
    Array.from({ length: 40 }, async () => {
      const response = await admin.fetch('/tasks?scope=group&size=20');
      return { status: response.status, headers: response.headers, body: await response.json() };
    }),
  );
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
  const refused = answers.filter((answer) => answer.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) {
    expect(answer.headers.get('retry-after')).toBe('1');
    // The refused connection is closed: a client that retries at once pays for a new connection each time.
    expect(answer.headers.get('connection')).toBe('close');
    expect(answer.body).toMatchObject({ code: 'OVERLOADED', message: expect.stringContaining('retry') });
  }
  const health = await Promise.all(Array.from({ length: 10 }, () => fetch(`${platform.url}/api/health`)));
  expect(health.map((answer) => answer.status)).toEqual(Array(10).fill(200));
  expect((await admin.get('/tasks?scope=group&size=20')).status).toBe(200);
});

test('the engine refusing for load (gRPC RESOURCE_EXHAUSTED, REST 503 or 429) is told apart from a failure', () => {
  // The shapes @camunda8/sdk gives these refusals: a gRPC error's numeric code, a REST error's statusCode.
  expect(isEngineBusy(Object.assign(new Error('8 RESOURCE_EXHAUSTED: backpressure'), { code: 8 }))).toBe(true);
  expect(isEngineBusy(Object.assign(new Error('Service Unavailable'), { statusCode: 503 }))).toBe(true);
  expect(isEngineBusy(Object.assign(new Error('Too Many Requests'), { statusCode: 429 }))).toBe(true);
  expect(isEngineBusy(Object.assign(new Error('Not Found'), { statusCode: 404 }))).toBe(false);
  expect(isEngineBusy(new Error('boom'))).toBe(false);
  expect(engineBusyAnswer).toMatchObject({ status: 503, retryAfter: 1, body: { code: 'ENGINE_BUSY' } });
});
