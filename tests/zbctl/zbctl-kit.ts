/** Running zbctl (npm package `zbctl`) against a test engine, as a second, independent client. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineProcess } from '../support/engine-process';

export const ZBCTL = join(__dirname, '..', '..', 'node_modules', '.bin', 'zbctl');

export interface ZbctlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** zbctl keeps its tokens in a file; one per test run, so that no token of an earlier engine is reused. */
const CLIENT_CACHE = join(mkdtempSync(join(tmpdir(), 'zbctl-credentials-')), 'credentials');

/**
 * zbctl's connection flags for the engine: plaintext (--insecure) and, when it requires credentials, its OAuth
 * client and token endpoint, as one would point zbctl at a Camunda 8 cluster.
 */
export function zbctlConnection(engine: Pick<EngineProcess, 'grpcPort' | 'auth'>): string[] {
  const connection = ['--insecure', '--address', `127.0.0.1:${engine.grpcPort}`];
  if (!engine.auth) return connection;
  return [
    ...connection,
    '--clientId',
    engine.auth.clientId,
    '--clientSecret',
    engine.auth.clientSecret,
    '--authzUrl',
    engine.auth.tokenUrl,
    '--clientCache',
    CLIENT_CACHE,
  ];
}

/** Runs one zbctl command with the given connection flags; resolves with its exit code and output (never rejects on exit ≠ 0). */
export function runZbctlWith(connection: string[], ...args: string[]): Promise<ZbctlResult> {
  return new Promise((resolve, reject) => {
    execFile(
      ZBCTL,
      [...args, ...connection],
      { timeout: 20_000, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
      (error, stdout, stderr) => {
        if (error && (error.killed || typeof error.code !== 'number')) {
          reject(new Error(`zbctl ${args.join(' ')} did not finish: ${error.message}\n${stdout}\n${stderr}`));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs one zbctl command against the engine, with its credentials. */
export const runZbctl = (engine: Pick<EngineProcess, 'grpcPort' | 'auth'>, ...args: string[]): Promise<ZbctlResult> =>
  runZbctlWith(zbctlConnection(engine), ...args);
