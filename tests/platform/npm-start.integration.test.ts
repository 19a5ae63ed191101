/**
 * What README's first command does: `platform/start.ts` starts the engine and the application on empty
 * databases, deploys the models, seeds the demo data, and answers; SIGTERM stops both processes.
 */
import { startNpmStart } from '../support/npm-start-process';

test('npm start brings up engine, workers and API with demo data', async () => {
  const system = startNpmStart();
  try {
    const { apiUrl } = await system.ready(60_000);
    const output = system.output();
    expect(output).toMatch(/models deployed \{"files":[1-9]/);
    expect(output).toContain('demo data seeded');
    const login = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'zhoumin', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const customers = await fetch(`${apiUrl}/customers`, { headers: { authorization: `Bearer ${token}` } });
    expect(customers.status).toBe(200);
    expect(((await customers.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  } finally {
    await system.stop();
  }
}, 90_000);

test('npm start with bad configuration lists every problem and exits 1 before starting anything', async () => {
  const system = startNpmStart({
    LOG_LEVEL: 'verbose',
    APP_DEMO_DATA: 'yes',
    APP_PORT: '70000',
    ZEEBE_REST_ADDRESS: 'ftp://127.0.0.1',
    ENGINE_SQLITE_SYNCHRONOUS: 'OFF',
  });
  const code = await system.exited;
  const output = system.output();
  expect(code).toBe(1);
  expect(output).toContain('invalid configuration (5 problems):');
  expect(output).toContain('APP_PORT="70000": expected a port number from 0 to 65535');
  expect(output).toContain('APP_DEMO_DATA="yes": expected true or false');
  expect(output).toContain('ZEEBE_REST_ADDRESS="ftp://127.0.0.1": expected an http:// or https:// URL');
  expect(output).toContain('LOG_LEVEL="verbose": expected silent, error, warn or info');
  expect(output).toContain('ENGINE_SQLITE_SYNCHRONOUS="OFF": expected FULL');
  expect(output).not.toContain('engine ready');
}, 30_000);
