/**
 * `npm start`: the whole system on its embedded defaults — the engine (a child process on SQLite under ./data,
 * unless PLATFORM_ENGINE=external points the application at a running engine or a Camunda 8 cluster), then the
 * application: database, seeds (demo data unless APP_DEMO_DATA=false), models, workers and API.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readAppConfig } from '../lib/config/app-config';
import { logger } from '../lib/logger/logger';
import { startApplication } from './application';

const log = logger('platform');

interface EmbeddedEngine {
  grpcAddress: string;
  restAddress: string;
  stop(): void;
}

/** Starts engine/main.ts; its ports come from the ZEEBE_* addresses unless ENGINE_*_PORT say otherwise (0: any). */
function startEmbeddedEngine(grpcAddress: string, restAddress: string): Promise<EmbeddedEngine> {
  const grpcPort = new URL(grpcAddress.replace(/^grpcs?:/, 'http:')).port || '26500';
  const restPort = new URL(restAddress).port || '8080';
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'engine', 'main.ts')], {
    env: { ENGINE_GRPC_PORT: grpcPort, ENGINE_REST_PORT: restPort, ...process.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
      const ready = /engine ready grpc=(\S+) rest=(\S+)/.exec(output);
      if (ready)
        resolve({
          grpcAddress: `grpc://${ready[1]}`,
          restAddress: `http://${ready[2]}`,
          stop: () => child.kill('SIGTERM'),
        });
    });
    child.once('exit', (code) => reject(new Error(`the engine exited with code ${code}`)));
  });
}

async function main(): Promise<void> {
  let config = readAppConfig();
  let stopEngine = (): void => undefined;
  if (process.env.PLATFORM_ENGINE !== 'external') {
    const engine = await startEmbeddedEngine(config.ZEEBE_GRPC_ADDRESS, config.ZEEBE_REST_ADDRESS);
    config = { ...config, ZEEBE_GRPC_ADDRESS: engine.grpcAddress, ZEEBE_REST_ADDRESS: engine.restAddress };
    stopEngine = engine.stop;
  }
  const application = await startApplication(config, { demoData: process.env.APP_DEMO_DATA !== 'false' });
  log.info(`platform ready api=${application.url}/api engine-rest=${config.ZEEBE_REST_ADDRESS}`);
  const shutdown = async () => {
    await application.stop();
    stopEngine();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  log.error(error.message);
  process.exit(1);
});
