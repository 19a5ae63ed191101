import { randomBytes } from 'node:crypto';
import { ConfigError, loadEngineConfig, type EngineConfig } from './config';
import { Engine } from './engine';
import { OPEN_ACCESS, oauthAccess, type EngineAuth } from './gateway/auth/engine-auth';
import { collectDefaultMetrics } from 'prom-client';
import { startGrpcGateway } from './gateway/grpc/grpc-gateway';
import { startMonitoringServer } from './gateway/monitoring/monitoring-server';
import { listenOrExplain } from './gateway/port-in-use';
import { startRestGateway } from './gateway/rest/rest-gateway';
import { readTls } from './gateway/tls';
import { createStorage, redact } from './storage/create-storage';
import { DataLockedError, acquireDataLock, type DataLock } from './storage/data-lock';

/** What runs so far, stopped in reverse order on a signal, on a failed start and when the parent goes away. */
const running: (() => Promise<unknown>)[] = [];

let stopping: Promise<never> | undefined;

/** Once, however many of a signal, a failure and the parent's exit ask for it. */
function stopAll(code: number): Promise<never> {
  stopping ??= (async () => {
    for (const stop of [...running].reverse()) await stop().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

/** Starts the engine with its gRPC and REST gateways, configured from the environment. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadEngineConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  // Started by `npm start` with an IPC channel: when that process dies (even by kill -9) the channel closes and
  // the engine stops with it rather than run on as an orphan holding the ports and the data.
  if (process.channel) process.once('disconnect', () => void stopAll(0));
  const lock: DataLock = await acquireDataLock(config.databaseUrl);
  running.push(() => lock.release());
  const auth = engineAuth(config);
  const tls = config.tls ? readTls(config.tls) : undefined;
  const storage = createStorage(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  const engine = new Engine(storage, {
    maxQueuedCommands: config.maxQueuedCommands,
    defaultLongPollMs: config.defaultLongPollMs,
  });
  await engine.start();
  running.push(() => engine.stop());
  const { host } = config;
  const grpc = await listenOrExplain(() => startGrpcGateway(engine, { host, port: config.grpcPort, auth, tls }), {
    what: 'the engine gRPC',
    host,
    port: config.grpcPort,
    variable: 'ENGINE_GRPC_PORT',
  });
  running.push(() => grpc.close());
  const rest = await listenOrExplain(() => startRestGateway(engine, { host, port: config.restPort, auth, tls }), {
    what: 'the engine REST',
    host,
    port: config.restPort,
    variable: 'ENGINE_REST_PORT',
  });
  running.push(() => rest.close());
  const monitoring = await listenOrExplain(
    () =>
      startMonitoringServer(engine.metrics, {
        host,
        port: config.monitoringPort,
        gateway: { auth: auth.enabled ? 'oauth' : 'none', tls: tls !== undefined },
      }),
    { what: 'the engine monitoring', host, port: config.monitoringPort, variable: 'ENGINE_MONITORING_PORT' },
  );
  running.push(() => monitoring.close());
  // The process's own figures (CPU, memory, event-loop lag) beside the engine's, once per process.
  collectDefaultMetrics({ register: engine.metrics.registry });
  await lock.describe({ grpc: `${host}:${grpc.port}`, rest: `${host}:${rest.port}` });
  // Tests and scripts wait for this line; keep its shape (fields are only ever added at the end).
  console.log(
    `engine ready grpc=${host}:${grpc.port} rest=${host}:${rest.port} database=${redact(config.databaseUrl)} pid=${process.pid}` +
      ` auth=${auth.enabled ? 'oauth' : 'none'} tls=${tls ? 'on' : 'off'} monitoring=${host}:${monitoring.port}`,
  );
}

function engineAuth(config: EngineConfig): EngineAuth {
  if (!config.oauth) {
    console.warn(
      'engine: WARNING ENGINE_AUTH=none: the gRPC and REST ports take calls without credentials; anyone who reaches them controls every process',
    );
    return OPEN_ACCESS;
  }
  // Without a configured key, tokens end with this process; clients then fetch new ones.
  return oauthAccess({ ...config.oauth, signingKey: config.oauth.signingKey ?? randomBytes(32).toString('base64url') });
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    error instanceof DataLockedError ? `engine refused to start: ${message}` : `engine failed to start: ${message}`,
  );
  void stopAll(1);
});
