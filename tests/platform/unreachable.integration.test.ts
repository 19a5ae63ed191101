/**
 * The engine or the database out of reach (found by the chaos run: a killed engine or a restarting MariaDB made the
 * API answer 500 INTERNAL until it was back) is answered 503 SERVICE_UNAVAILABLE with Retry-After: the request
 * was not at fault and a retry shortly succeeds.
 */
import { isUnreachable, unreachableAnswer } from '../../api/http/unreachable';
import { startPlatform, type Platform } from './platform-kit';

test('errors of an engine or a database out of reach are told apart from failures', () => {
  // @camunda8/sdk over gRPC, over REST (got's RequestError), a fetch; Sequelize, mysql2's fatal error inside it.
  expect(isUnreachable(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))).toBe(true);
  expect(isUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8080'), { code: 'ECONNREFUSED' }))).toBe(
    true,
  );
  expect(isUnreachable(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(true);
  expect(
    isUnreachable(Object.assign(new Error('connect ECONNREFUSED'), { name: 'SequelizeConnectionRefusedError' })),
  ).toBe(true);
  const lost = Object.assign(new Error(''), { name: 'SequelizeDatabaseError', parent: { fatal: true } });
  expect(isUnreachable(lost)).toBe(true);
  expect(isUnreachable(Object.assign(new Error('Duplicate entry'), { name: 'SequelizeUniqueConstraintError' }))).toBe(
    false,
  );
  expect(isUnreachable(Object.assign(new Error('Not Found'), { statusCode: 404 }))).toBe(false);
  expect(isUnreachable(new Error('boom'))).toBe(false);
  expect(unreachableAnswer).toMatchObject({ status: 503, retryAfter: 2, body: { code: 'SERVICE_UNAVAILABLE' } });
});

describe('with the engine stopped', () => {
  let platform: Platform | undefined;
  afterAll(async () => {
    await platform?.application.stop();
  });

  it('the tasklist answers 503 with Retry-After, not 500', async () => {
    platform = await startPlatform();
    const admin = await platform.as('admin');
    expect((await admin.get('/tasks?scope=group&size=5')).status).toBe(200);
    await platform.engine.stop();
    const response = await admin.fetch('/tasks?scope=group&size=5');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  }, 90_000);
});
