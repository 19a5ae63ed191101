/**
 * One system per data, and clean failure (decision 0023): a second `npm start` on the data of a running one is
 * refused in words naming the running engine's pid and ports and exits 1; a taken port is named with a hint that
 * another instance may run there; a start that fails leaves no engine child behind; an engine started alone on
 * data in use is refused, and takes over the lock of one killed with kill -9.
 */
import { createServer, type Server } from 'node:net';
import { freshMariadbUrl, freshSqliteUrl, startEngineProcess } from '../support/engine-process';
import { startNpmStart } from '../support/npm-start-process';
import { waitFor } from '../support/wait-for';

/** The engine's and the application's databases, fresh, of the kind this run tests. */
async function freshData(): Promise<Record<string, string>> {
  if (process.env.ENGINE_TEST_DATABASE !== 'mariadb') {
    const engine = freshSqliteUrl();
    return { ENGINE_DATABASE_URL: engine, APP_DATABASE_URL: engine.replace(/engine\.db$/, 'app.db') };
  }
  return { ENGINE_DATABASE_URL: await freshMariadbUrl('lock_it'), APP_DATABASE_URL: await freshMariadbUrl('lock_app') };
}

const pidOf = (output: string): number => Number(/engine ready .* pid=(\d+)/.exec(output)?.[1]);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A port held by this process, as another program would hold it. */
async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

const quick = { APP_DEMO_DATA: 'false' };

test('a second npm start on the same data is refused, naming the running pid and ports, and exits 1', async () => {
  const data = await freshData();
  const first = startNpmStart({ ...data, ...quick });
  try {
    const { apiUrl, grpc, rest } = await first.ready();
    const second = startNpmStart({ ...data, ...quick });
    expect(await second.exited).toBe(1);
    const refusal = second.output();
    expect(refusal).toContain('is in use by another engine');
    expect(refusal).toContain(`pid ${pidOf(first.output())}`);
    expect(refusal).toContain(`gRPC ${grpc}, REST ${rest}`);
    expect(refusal).not.toContain('platform ready');
    // The running system is untouched.
    expect((await fetch(`${apiUrl}/health`)).status).toBe(200);
  } finally {
    await first.stop();
  }
}, 120_000);

test('an API port in use is named with a hint, and the failed start leaves no engine behind', async () => {
  const { port, server } = await takenPort();
  try {
    const system = startNpmStart({ ...(await freshData()), ...quick, APP_PORT: String(port) });
    expect(await system.exited).toBe(1);
    const output = system.output();
    expect(output).toContain(`the API port ${port} on 127.0.0.1 is already in use`);
    expect(output).toContain('another instance of the platform may be running there');
    const enginePid = pidOf(output);
    expect(enginePid).toBeGreaterThan(0);
    expect(alive(enginePid)).toBe(false);
  } finally {
    server.close();
  }
}, 120_000);

test('an engine port in use is named with a hint, and npm start exits 1', async () => {
  const { port, server } = await takenPort();
  try {
    const system = startNpmStart({ ...(await freshData()), ...quick, ENGINE_GRPC_PORT: String(port) });
    expect(await system.exited).toBe(1);
    const output = system.output();
    expect(output).toContain(`the engine gRPC port ${port} on 127.0.0.1 is already in use`);
    expect(output).toContain('set ENGINE_GRPC_PORT to another port');
    expect(output).not.toContain('engine ready');
  } finally {
    server.close();
  }
}, 60_000);

test('an engine on data in use is refused; the lock of an engine killed with kill -9 is taken over', async () => {
  const { ENGINE_DATABASE_URL: databaseUrl } = await freshData();
  const first = await startEngineProcess({ databaseUrl });
  const refused = startEngineProcess({ databaseUrl });
  await expect(refused).rejects.toThrow(`pid ${pidOf(first.output())} on host`);
  await expect(refused).rejects.toThrow(`gRPC 127.0.0.1:${first.grpcPort}, REST 127.0.0.1:${first.restPort}`);
  await first.kill();
  const next = await startEngineProcess({ databaseUrl });
  try {
    expect(next.output()).toContain('engine ready');
  } finally {
    await next.stop();
  }
}, 90_000);

test('the engine npm start started stops when npm start is killed with kill -9', async () => {
  const system = startNpmStart({ ...(await freshData()), ...quick });
  await system.ready();
  const enginePid = pidOf(system.output());
  expect(alive(enginePid)).toBe(true);
  system.kill();
  await system.exited;
  await waitFor(() => !alive(enginePid), { timeout: 20_000, description: `engine ${enginePid} to stop` });
}, 120_000);
