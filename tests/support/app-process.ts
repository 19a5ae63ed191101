/**
 * Starts the application (platform/start.ts) as a separate process against an engine that runs elsewhere, so
 * that a test can kill it with SIGKILL and start it again on the same database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { sdkAuthEnv, type SdkAuth } from './engine-process';

export interface AppProcess {
  /** The API's base url, e.g. http://127.0.0.1:40123/api; empty for a workers-only process. */
  apiUrl: string;
  pid: number;
  output(): string;
  /** SIGTERM and wait for exit (SIGKILL if it has not ended after a few seconds). */
  stop(): Promise<void>;
  /** kill -9 and wait for exit. */
  kill(): Promise<void>;
}

export interface AppProcessOptions {
  databaseUrl: string;
  grpcAddress: string;
  restAddress: string;
  authSecret: string;
  demoData: boolean;
  /** How the application's clients authenticate to the engine (EngineProcess.sdkAuth). */
  engineAuth: SdkAuth;
  /** Extra environment for the application process. */
  env?: Record<string, string>;
  /** APP_ROLE: both (default), api or workers (decision 0058). */
  role?: 'both' | 'api' | 'workers';
  /** Node's own options before the script (e.g. `--cpu-prof`, which NODE_OPTIONS cannot carry). */
  nodeArgs?: string[];
  /** How long `stop` waits after SIGTERM before SIGKILL (default 5 s; a profiled process writes its profile then). */
  stopGraceMs?: number;
}

const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;
/** A graceful stop waits for open HTTP connections: a test that failed mid-way may still hold some. */
const STOP_GRACE_MS = 5_000;

export function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  // node with tsx's loader in one process (not the tsx CLI, whose child a kill -9 would leave running).
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', join(ROOT, 'platform/start.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PLATFORM_ENGINE: 'external',
        ZEEBE_GRPC_ADDRESS: `grpc://${options.grpcAddress}`,
        ZEEBE_REST_ADDRESS: options.restAddress,
        APP_DATABASE_URL: options.databaseUrl,
        APP_PORT: '0',
        APP_HOST: '127.0.0.1',
        APP_AUTH_SECRET: options.authSecret,
        APP_DEMO_DATA: String(options.demoData),
        ...sdkAuthEnv(options.engineAuth),
        LOG_LEVEL: 'info',
        APP_ROLE: options.role ?? 'both',
        ARREARS_OPEN_HOUR: 'off',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the application did not start within ${START_TIMEOUT_MS} ms:\n${output.slice(-5_000)}`));
    }, START_TIMEOUT_MS);
    let ready = false;
    const onData = (chunk: Buffer): void => {
      // The last 256 KB: a process that runs long (the chaos run's) must not hold its whole log.
      output = (output + chunk.toString()).slice(-262_144);
      const match = ready ? null : /platform ready (?:api=(\S+)|workers)/.exec(output);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        apiUrl: match[1] ?? '',
        pid: child.pid!,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          const late = setTimeout(() => child.kill('SIGKILL'), options.stopGraceMs ?? STOP_GRACE_MS);
          await exited;
          clearTimeout(late);
        },
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-262_144)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`the application exited with code ${code} before it was ready:\n${output}`));
    });
  });
}
