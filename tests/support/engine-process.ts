import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * Starts the real engine (engine/main.ts) as a separate process on free ports, for integration tests. Each engine
 * gets a fresh database: a SQLite file, or with ENGINE_TEST_DATABASE=mariadb a new database on the machine's
 * MariaDB (ENGINE_TEST_MYSQL_URL, default mysql://root@127.0.0.1:3306).
 */
export interface EngineProcess {
  grpcAddress: string;
  restAddress: string;
  grpcPort: number;
  restPort: number;
  databaseUrl: string;
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** kill -9 and wait for exit. */
  kill(): Promise<void>;
}

export interface EngineProcessOptions {
  databaseUrl?: string;
  env?: Record<string, string>;
  grpcPort?: number;
  restPort?: number;
  /** Extra node options for the engine process (e.g. --cpu-prof for the benchmark). */
  nodeArgs?: string[];
}

const ROOT = join(__dirname, '..', '..');

export function freshSqliteUrl(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'engine-test-')), 'engine.db')}`;
}

let databaseCounter = 0;

/** A new, empty database on the test MariaDB server. */
export async function freshMariadbUrl(prefix = 'engine_it'): Promise<string> {
  const server = (process.env.ENGINE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
  const name = `${prefix}_${process.pid}_${Date.now()}_${++databaseCounter}`;
  const connection = await createConnection(server);
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  } finally {
    await connection.end();
  }
  return `${server}/${name}`;
}

/** A fresh database of the kind this test run uses. */
export function freshDatabaseUrl(): Promise<string> {
  return process.env.ENGINE_TEST_DATABASE === 'mariadb' ? freshMariadbUrl() : Promise.resolve(freshSqliteUrl());
}

export async function startEngineProcess(options: EngineProcessOptions = {}): Promise<EngineProcess> {
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl());
  return spawnEngine(databaseUrl, options);
}

function spawnEngine(databaseUrl: string, options: EngineProcessOptions): Promise<EngineProcess> {
  // One process (node with tsx's loader), not the tsx CLI: the CLI runs the engine in a child of its own, which
  // a kill -9 of the CLI would leave running.
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', join(ROOT, 'engine/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ENGINE_GRPC_PORT: String(options.grpcPort ?? 0),
        ENGINE_REST_PORT: String(options.restPort ?? 0),
        ENGINE_HOST: '127.0.0.1',
        ENGINE_DATABASE_URL: databaseUrl,
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
      reject(new Error(`engine did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = /engine ready grpc=([\d.]+):(\d+) rest=([\d.]+):(\d+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      const grpcPort = Number(ready[2]);
      const restPort = Number(ready[4]);
      resolve({
        grpcAddress: `127.0.0.1:${grpcPort}`,
        restAddress: `http://127.0.0.1:${restPort}`,
        grpcPort,
        restPort,
        databaseUrl,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/engine ready/.test(output))
        reject(new Error(`engine exited with code ${code} before it was ready:\n${output}`));
    });
  });
}
