/**
 * `npm start`: the whole system on its embedded defaults — the engine (a child process on SQLite under ./data,
 * unless PLATFORM_ENGINE=external points the application at a running engine or a Camunda 8 cluster), then the
 * application: database, seeds (demo data unless APP_DEMO_DATA=false), models, workers and API. The embedded
 * engine requires credentials: its OAuth client comes from PLATFORM_ENGINE_CLIENT_FILE (made on first start) and
 * the application's clients get their tokens with it.
 *
 * A start that fails stops what it started, the engine child included, and exits 1; the engine also stops by
 * itself when this process dies (its IPC channel closes). A second start on the same data is refused by the
 * engine's data lock, which names the running engine's pid and ports (decision 0023).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, readPlatformConfig, type AppConfig } from '../lib/config/app-config';
import { logger } from '../lib/logger/logger';
import { startApplication } from './application';
import { withEmbeddedEngineClient } from './engine-client-file';

const log = logger('platform');

interface EmbeddedEngine {
  grpcAddress: string;
  restAddress: string;
  auth: boolean;
}

/** Time the engine gets to stop on SIGTERM before it is killed. */
const ENGINE_STOP_GRACE_MS = 10_000;

/** What runs so far, so that a signal or a failure at any point stops it (the engine is a child process). */
let stopEngine = async (): Promise<void> => undefined;
let stopApplication = async (): Promise<void> => undefined;

/** SIGTERM, then SIGKILL after the grace period; resolves once the child has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), ENGINE_STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts engine/main.ts in the given environment (its ports derived from the ZEEBE_* addresses, 0: any). */
function startEmbeddedEngine(env: Record<string, string | undefined>): Promise<EmbeddedEngine> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'engine', 'main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  stopEngine = () => stopChild(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
      const ready = /engine ready grpc=(\S+) rest=(\S+) .*auth=(\w+) tls=(\w+)/.exec(output);
      if (!ready) return;
      const tls = ready[4] === 'on';
      resolve({
        grpcAddress: `${tls ? 'grpcs' : 'grpc'}://${ready[1]}`,
        restAddress: `${tls ? 'https' : 'http'}://${ready[2]}`,
        auth: ready[3] === 'oauth',
      });
    });
    child.once('exit', (code) => reject(new Error(`the engine (pid ${child.pid}) exited with code ${code}`)));
  });
}

/** The application's engine settings for the embedded engine: its addresses and, unless it runs open, its client. */
function embeddedEngineClient(
  engine: EmbeddedEngine,
  engineEnv: Record<string, string | undefined>,
): Partial<AppConfig> {
  const addresses = { ZEEBE_GRPC_ADDRESS: engine.grpcAddress, ZEEBE_REST_ADDRESS: engine.restAddress };
  if (!engine.auth) return { ...addresses, CAMUNDA_AUTH_STRATEGY: 'NONE' };
  return {
    ...addresses,
    CAMUNDA_AUTH_STRATEGY: 'OAUTH',
    ZEEBE_CLIENT_ID: engineEnv.ENGINE_AUTH_CLIENT_ID,
    ZEEBE_CLIENT_SECRET: engineEnv.ENGINE_AUTH_CLIENT_SECRET,
    CAMUNDA_OAUTH_URL: `${engine.restAddress}/oauth/token`,
  };
}

let stopping: Promise<never> | undefined;

/** Once, whether a signal or a failure asks first. */
function stopAll(code: number): Promise<never> {
  stopping ??= (async () => {
    try {
      await stopApplication();
    } finally {
      await stopEngine();
      process.exit(code);
    }
  })();
  return stopping;
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  const platform = readPlatformConfig(withEmbeddedEngineClient(process.env));
  let config = platform.app;
  // tsx turns source maps on; mapping every stack trace the database layer and the engine client take costs the API
  // a fifth of its throughput (decision 0069).
  process.setSourceMapsEnabled(config.APP_SOURCE_MAPS);
  if (platform.engineEnv) {
    const engine = await startEmbeddedEngine(platform.engineEnv);
    config = { ...config, ...embeddedEngineClient(engine, platform.engineEnv) };
  }
  const application = await startApplication(config, { demoData: config.APP_DEMO_DATA });
  stopApplication = application.stop;
  if (config.APP_ROLE === 'workers') log.info(`platform ready workers engine-rest=${config.ZEEBE_REST_ADDRESS}`);
  else log.info(`platform ready api=${application.url}/api engine-rest=${config.ZEEBE_REST_ADDRESS}`);
}

main().catch((error: Error) => {
  // A configuration problem is said whatever LOG_LEVEL is (it may be the bad value itself), and so is a failed
  // start: whoever ran `npm start` must learn why it stopped.
  if (error instanceof ConfigError) process.stderr.write(error.message + '\n');
  else process.stderr.write(`platform failed to start: ${error.message}\n`);
  void stopAll(1);
});
