import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * Starts the real engine (engine/main.ts) as a separate process on free ports, for integration tests. Each engine
 * gets a fresh database: a SQLite file, or with ENGINE_TEST_DATABASE=mariadb a new database on the machine's
 * MariaDB (ENGINE_TEST_MYSQL_URL, default mysql://root@127.0.0.1:3306). The engine requires credentials, as in
 * production: `auth` holds its OAuth client, `authHeaders()` a bearer header for raw REST calls and
 * `sdkAuth` the settings that make @camunda8/sdk fetch tokens itself. `auth: false` starts it open.
 */
export interface EngineProcess {
  grpcAddress: string;
  restAddress: string;
  /** The OAuth client the engine lets in, or undefined when started with `auth: false`. */
  auth?: EngineClient;
  /** `{ authorization: 'Bearer …' }` (a token fetched once and reused), or {} for an open engine. */
  authHeaders(): Promise<Record<string, string>>;
  /** @camunda8/sdk settings for this engine's credentials (OAUTH, or NONE for an open engine). */
  sdkAuth: SdkAuth;
  grpcPort: number;
  restPort: number;
  /** The management port's base URL (/actuator/prometheus, /actuator/health). */
  monitoringAddress: string;
  databaseUrl: string;
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** kill -9 and wait for exit. */
  kill(): Promise<void>;
}

export interface EngineClient {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
}

export type SdkAuth =
  | { CAMUNDA_AUTH_STRATEGY: 'NONE' }
  | {
      CAMUNDA_AUTH_STRATEGY: 'OAUTH';
      CAMUNDA_OAUTH_URL: string;
      ZEEBE_CLIENT_ID: string;
      ZEEBE_CLIENT_SECRET: string;
      CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true;
    };

export interface EngineProcessOptions {
  /** false: ENGINE_AUTH=none, for the tests of an open engine. */
  auth?: boolean;
  databaseUrl?: string;
  env?: Record<string, string>;
  grpcPort?: number;
  restPort?: number;
  /** Extra node options for the engine process (e.g. --cpu-prof for the benchmark). */
  nodeArgs?: string[];
}

const ROOT = join(__dirname, '..', '..');

/**
 * One client and signing key for every engine this test file starts, so that an engine restarted on the same
 * database accepts the tokens its clients hold, as under npm start (which keeps them in a file).
 */
const TEST_CLIENT = {
  ENGINE_AUTH_CLIENT_ID: `test-${process.pid}-${randomBytes(4).toString('hex')}`,
  ENGINE_AUTH_CLIENT_SECRET: randomBytes(24).toString('base64url'),
  ENGINE_AUTH_SIGNING_KEY: randomBytes(32).toString('base64url'),
};

/** The engine environment for the OAuth test client, or for an open engine. */
function authEnv(auth: boolean): Record<string, string> {
  return auth ? { ENGINE_AUTH: 'oauth', ...TEST_CLIENT } : { ENGINE_AUTH: 'none' };
}

/** Fetches an access token with the client credentials, as the Camunda clients do. */
export async function fetchAccessToken(client: EngineClient): Promise<string> {
  const response = await fetch(client.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      audience: 'zeebe.camunda.io',
    }),
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function sdkAuthOf(client: EngineClient | undefined): SdkAuth {
  if (!client) return { CAMUNDA_AUTH_STRATEGY: 'NONE' };
  return {
    CAMUNDA_AUTH_STRATEGY: 'OAUTH',
    CAMUNDA_OAUTH_URL: client.tokenUrl,
    ZEEBE_CLIENT_ID: client.clientId,
    ZEEBE_CLIENT_SECRET: client.clientSecret,
    // tokens stay in memory: a test must not leave files in the home folder, nor find an earlier run's
    CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
  };
}

/** The SDK settings as environment variables, for an application started in its own process or configuration. */
export function sdkAuthEnv(auth: SdkAuth): Record<string, string> {
  return Object.fromEntries(Object.entries(auth).map(([key, value]) => [key, String(value)]));
}

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
        ENGINE_MONITORING_PORT: '0',
        ENGINE_HOST: '127.0.0.1',
        ENGINE_DATABASE_URL: databaseUrl,
        ...authEnv(options.auth ?? true),
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
      const ready = /engine ready grpc=([\d.]+):(\d+) rest=([\d.]+):(\d+).*\n/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      const grpcPort = Number(ready[2]);
      const restPort = Number(ready[4]);
      const restAddress = `http://127.0.0.1:${restPort}`;
      const monitoringPort = Number(/monitoring=[\d.]+:(\d+)/.exec(output)?.[1]);
      const auth = /auth=oauth/.test(output)
        ? {
            clientId: TEST_CLIENT.ENGINE_AUTH_CLIENT_ID,
            clientSecret: TEST_CLIENT.ENGINE_AUTH_CLIENT_SECRET,
            tokenUrl: `${restAddress}/oauth/token`,
          }
        : undefined;
      let token: Promise<string> | undefined;
      resolve({
        grpcAddress: `127.0.0.1:${grpcPort}`,
        restAddress,
        auth,
        authHeaders: async (): Promise<Record<string, string>> => {
          if (!auth) return {};
          token ??= fetchAccessToken(auth);
          return { authorization: `Bearer ${await token}` };
        },
        sdkAuth: sdkAuthOf(auth),
        grpcPort,
        restPort,
        monitoringAddress: `http://127.0.0.1:${monitoringPort}`,
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
