/**
 * The whole platform for end-to-end tests: the real engine in its own process (fresh database), and the
 * application in this process on a fresh database of its own (SQLite, or MariaDB when ENGINE_TEST_DATABASE=mariadb)
 * with reference data, demo users (password `demo1234`), deployed models, workers and the API on a free port.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppConfig } from '../../lib/config/app-config';
import { appClock } from '../../lib/clock/app-clock';
import { startApplication, type RunningApplication } from '../../platform/application';
import { seedDemoUsers } from '../../platform/seed/demo-users';
import { freshMariadbUrl, sdkAuthEnv, startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

export interface ApiClient {
  get<T = any>(path: string): Promise<ApiAnswer<T>>;
  /** `headers`, e.g. `{ 'idempotency-key': 'k1' }`, go with the request. */
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
  put<T = any>(path: string, body?: unknown): Promise<ApiAnswer<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<ApiAnswer<T>>;
  delete<T = any>(path: string): Promise<ApiAnswer<T>>;
  /** The bare fetch Response, signed in: for uploads (a FormData body) and binary answers (PDF, files). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface Platform {
  engine: EngineProcess;
  application: RunningApplication;
  url: string;
  /** An API client signed in as a demo user (see platform/seed/demo-users.ts). */
  as(login: string): Promise<ApiClient>;
  /** Pins the application's and the engine's clocks (as admin, through the API). */
  pinClock(time: string | Date): Promise<void>;
  /** Waits until a user task of `elementId` is open in the instance and returns it. */
  openTask(processInstanceKey: string, elementId: string, timeoutMs?: number): Promise<any>;
  /** Completes an open task of `elementId` as `login` through the tasklist API, its required documents uploaded first. */
  completeTask(
    login: string,
    processInstanceKey: string,
    elementId: string,
    variables?: Record<string, unknown>,
  ): Promise<void>;
  stop(): Promise<void>;
}

async function freshAppDatabaseUrl(): Promise<string> {
  if (process.env.ENGINE_TEST_DATABASE === 'mariadb') return freshMariadbUrl('app_it');
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'app-test-')), 'app.db')}`;
}

export function apiClient(baseUrl: string, token?: string): ApiClient {
  const call = async (method: string, path: string, body?: unknown, headers = {}): Promise<ApiAnswer> => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body ?? {}, headers),
    put: (path, body) => call('PUT', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body ?? {}),
    delete: (path) => call('DELETE', path),
    fetch: (path, init = {}) =>
      fetch(`${baseUrl}/api${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      }),
  };
}

/** A small PNG (its signature and some bytes): a file the API takes as a document. */
export const TEST_PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

/** Uploads a document to a case (multipart, as the web app does), bound to a task's step when `taskKey` is given. */
export function uploadDocument(
  client: ApiClient,
  businessKey: string,
  kind: string,
  options: { taskKey?: string; file?: Buffer; fileName?: string } = {},
): Promise<Response> {
  const form = new FormData();
  form.set('kind', kind);
  if (options.taskKey) form.set('taskKey', options.taskKey);
  form.set('file', new Blob([new Uint8Array(options.file ?? TEST_PNG)]), options.fileName ?? `${kind}.png`);
  return client.fetch(`/cases/${businessKey}/documents`, { method: 'POST', body: form });
}

/**
 * Uploads one file of each kind the task's step still requires (decision 0034), from the task, as a user would
 * before completing it: the business tests walk cases through steps, the documents tests check the refusal.
 */
export async function uploadRequiredDocuments(client: ApiClient, userTaskKey: string): Promise<void> {
  const task = await client.get(`/tasks/${userTaskKey}`);
  if (task.status !== 200) throw new Error(`task ${userTaskKey}: ${JSON.stringify(task.body)}`);
  for (const kind of task.body.documents.missing as string[]) {
    const answer = await uploadDocument(client, task.body.variables.businessKey, kind, { taskKey: userTaskKey });
    if (answer.status !== 201) throw new Error(`upload ${kind} for task ${userTaskKey}: ${await answer.text()}`);
  }
}

export const anonymousClient = (platform: Platform): ApiClient => apiClient(platform.url);

async function tokenFor(baseUrl: string, login: string, password = 'demo1234'): Promise<string> {
  const answer = await apiClient(baseUrl).post('/auth/login', { login, password });
  if (answer.status !== 200) throw new Error(`login ${login} failed: ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}

/** A client with a token of its own (not `as`'s shared one), for tests that revoke it; throws when sign-in fails. */
export const signedInClient = async (platform: Platform, login: string, password?: string): Promise<ApiClient> =>
  apiClient(platform.url, await tokenFor(platform.url, login, password));

/** `settings`: application variables to set besides the kit's own (e.g. the sign-in limits), as the environment would. */
export async function startPlatform(settings: Record<string, string> = {}): Promise<Platform> {
  process.env.LOG_LEVEL ??= 'silent';
  const engine = await startEngineProcess();
  const config = readAppConfig({
    APP_PORT: '0',
    APP_HOST: '127.0.0.1',
    APP_DATABASE_URL: await freshAppDatabaseUrl(),
    ZEEBE_GRPC_ADDRESS: `grpc://${engine.grpcAddress}`,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    ...sdkAuthEnv(engine.sdkAuth),
    APP_AUTH_SECRET: 'test-secret-of-enough-length',
    APP_DOCUMENTS_DIR: mkdtempSync(join(tmpdir(), 'app-documents-')),
    // No arrears cases opened behind a test's back (decision 0060); a test asks for them in `settings`.
    ARREARS_OPEN_HOUR: 'off',
    ...settings,
  });
  const application = await startApplication(config, { demoData: false });
  await seedDemoUsers();
  const tokens = new Map<string, string>();
  const as = async (login: string): Promise<ApiClient> => {
    if (!tokens.has(login)) tokens.set(login, await tokenFor(application.url, login));
    return apiClient(application.url, tokens.get(login));
  };
  const openTask = async (processInstanceKey: string, elementId: string, timeoutMs = 10_000) => {
    const admin = await as('admin');
    return waitFor(
      async () => {
        const answer = await admin.get(`/tasks?scope=group&processInstanceKey=${processInstanceKey}`);
        return answer.body.items?.find((task: any) => task.elementId === elementId);
      },
      { timeout: timeoutMs, interval: 100, description: `user task ${elementId} of instance ${processInstanceKey}` },
    );
  };
  return {
    engine,
    application,
    url: application.url,
    as,
    pinClock: async (time) => {
      const answer = await (await as('admin')).put('/admin/clock', { time: new Date(time).toISOString() });
      if (answer.status !== 200) throw new Error(`pin clock failed: ${JSON.stringify(answer.body)}`);
    },
    openTask,
    completeTask: async (login, processInstanceKey, elementId, variables = {}) => {
      const task = await openTask(processInstanceKey, elementId);
      const client = await as(login);
      await uploadRequiredDocuments(client, task.userTaskKey);
      const answer = await client.post(`/tasks/${task.userTaskKey}/complete`, { variables });
      if (answer.status !== 200)
        throw new Error(`complete ${elementId} as ${login} failed: ${JSON.stringify(answer.body)}`);
    },
    stop: async () => {
      await application.stop();
      await engine.stop();
      await appClock.reset();
    },
  };
}

/**
 * One platform for a test file: started before its tests (then `setup`, e.g. pinning the clock), stopped after.
 * `setup` receives the platform first so the file can keep it in a variable of its own.
 */
export function usePlatform(
  setup: (platform: Platform) => Promise<void> | void,
  start: () => Promise<Platform> = startPlatform,
): void {
  let started: Platform | undefined;
  beforeAll(async () => {
    started = await start();
    await setup(started);
  }, 90_000);
  afterAll(async () => {
    await started?.stop();
  });
}
