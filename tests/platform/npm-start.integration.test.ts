/**
 * What README's first command does: `platform/start.ts` starts the engine and the application on empty
 * databases, deploys the models, seeds the demo data, and answers; SIGTERM stops both processes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';

const ROOT = join(__dirname, '..', '..');

test('npm start brings up engine, workers and API with demo data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'platform-start-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'platform/start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.db')}`,
      APP_DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      APP_PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const apiUrl = await waitFor(() => /platform ready api=(\S+)/.exec(output)?.[1], {
      timeout: 60_000,
      description: 'platform ready',
    });
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
    child.kill('SIGTERM');
    await exited;
  }
}, 90_000);

test('npm start with bad configuration lists every problem and exits 1 before starting anything', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'platform/start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'verbose',
      APP_DEMO_DATA: 'yes',
      APP_PORT: '70000',
      ZEEBE_REST_ADDRESS: 'ftp://127.0.0.1',
      ENGINE_SQLITE_SYNCHRONOUS: 'OFF',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(1);
  expect(output).toContain('invalid configuration (5 problems):');
  expect(output).toContain('APP_PORT="70000": expected a port number from 0 to 65535');
  expect(output).toContain('APP_DEMO_DATA="yes": expected true or false');
  expect(output).toContain('ZEEBE_REST_ADDRESS="ftp://127.0.0.1": expected an http:// or https:// URL');
  expect(output).toContain('LOG_LEVEL="verbose": expected silent, error, warn or info');
  expect(output).toContain('ENGINE_SQLITE_SYNCHRONOUS="OFF": expected FULL');
  expect(output).not.toContain('engine ready');
}, 30_000);
