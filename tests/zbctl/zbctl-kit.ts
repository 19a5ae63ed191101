/** Running zbctl (npm package `zbctl`) against a test engine, as a second, independent client. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const ZBCTL = join(__dirname, '..', '..', 'node_modules', '.bin', 'zbctl');

export interface ZbctlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one zbctl command against the engine at `grpcPort`; resolves with its exit code and output (never rejects on exit ≠ 0). */
export function runZbctl(grpcPort: number, ...args: string[]): Promise<ZbctlResult> {
  return new Promise((resolve, reject) => {
    execFile(
      ZBCTL,
      [...args, '--insecure', '--address', `127.0.0.1:${grpcPort}`],
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
