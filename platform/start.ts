/**
 * `npm start`: the whole system on its embedded defaults — the engine (a child process on SQLite under ./data,
 * unless PLATFORM_ENGINE=external points the application at a running engine or a Camunda 8 cluster), then the
 * application: database, seeds (demo data unless APP_DEMO_DATA=false), models, workers and API. The embedded
 * engine requires credentials: its OAuth client comes from PLATFORM_ENGINE_CLIENT_FILE (made on first start) and
 * the application's clients get their tokens with it.
 */
import { spawn } from 'node:child_process';
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

/** What runs so far, so that a signal or a failure at any point stops it (the engine is a child process). */
let stopEngine = (): void => undefined;
let stopApplication = async (): Promise<void> => undefined;

/** Starts engine/main.ts in the given environment (its ports derived from the ZEEBE_* addresses, 0: any). */
function startEmbeddedEngine(env: Record<string, string | undefined>): Promise<EmbeddedEngine> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'engine', 'main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stopEngine = () => child.kill('SIGTERM');
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
    child.once('exit', (code) => reject(new Error(`the engine exited with code ${code}`)));
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

async function stopAll(code: number): Promise<never> {
  try {
    await stopApplication();
  } finally {
    stopEngine();
    process.exit(code);
  }
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  const platform = readPlatformConfig(withEmbeddedEngineClient(process.env));
  let config = platform.app;
  if (platform.engineEnv) {
    const engine = await startEmbeddedEngine(platform.engineEnv);
    config = { ...config, ...embeddedEngineClient(engine, platform.engineEnv) };
  }
  const application = await startApplication(config, { demoData: config.APP_DEMO_DATA });
  stopApplication = application.stop;
  log.info(`platform ready api=${application.url}/api engine-rest=${config.ZEEBE_REST_ADDRESS}`);
}

main().catch((error: Error) => {
  // A configuration problem is said whatever LOG_LEVEL is (it may be the bad value itself).
  if (error instanceof ConfigError) process.stderr.write(error.message + '\n');
  else log.error(error.message);
  void stopAll(1);
});
