/**
 * `platform/start.ts` — what `npm start` runs — as a child process: by default on a fresh SQLite folder and free
 * ports, with its output collected, so tests can wait for a line of it and stop it with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..');

export interface NpmStartProcess {
  /** Everything the system printed so far (stdout and stderr). */
  output(): string;
  /** Waits until the system answers: its API base URL (…/api) and the engine's gRPC and REST host:port. */
  ready(timeout?: number): Promise<{ apiUrl: string; grpc: string; rest: string }>;
  /** Where npm start keeps the embedded engine's OAuth client (README's tour reads it). */
  engineClientFile: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
  /** kill -9, as a crash would. */
  kill(): void;
}

/** Fresh databases and free ports; `env` is laid over them (and over this process's environment). */
export function startNpmStart(env: Record<string, string> = {}): NpmStartProcess {
  const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const engineClientFile = join(dir, 'engine-client.json');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'platform/start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.db')}`,
      APP_DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
      PLATFORM_ENGINE_CLIENT_FILE: engineClientFile,
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      ENGINE_MONITORING_PORT: '0',
      APP_PORT: '0',
      LOG_LEVEL: 'info',
      ARREARS_OPEN_HOUR: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    output: () => output,
    engineClientFile,
    exited,
    async ready(timeout = 90_000) {
      const apiUrl = await waitFor(() => /platform ready api=(\S+)/.exec(output)?.[1], {
        timeout,
        description: 'platform ready',
      });
      const [, grpc, rest] = /engine ready grpc=(\S+) rest=(\S+)/.exec(output) ?? [];
      return { apiUrl, grpc, rest };
    },
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}
