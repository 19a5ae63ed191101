/**
 * A kill -9 during an application's creation, then a retry with the same Idempotency-Key: one case (decision 0024).
 * The application talks to the engine's gRPC gateway through a proxy that delays every chunk by a second, so the
 * test sees the application saved (and its key claimed) while the process start is still on its way; then kills the
 * application. The start request still reaches the engine, which starts the instance nobody recorded. After the
 * restart, the retry must find that instance rather than start a second one, and answer the first number.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database';
import { DOCUMENTS, applicant } from '../business-expansion/business-expansion-kit';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { startDelayingProxy, type DelayingProxy } from '../support/delaying-proxy';
import { freshMariadbUrl, startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';

jest.setTimeout(180_000);

const AUTH_SECRET = 'creation-crash-test-secret';
const KEY = 'crash-retry-1';

async function freshAppDatabaseUrl(): Promise<string> {
  if (process.env.ENGINE_TEST_DATABASE === 'mariadb') return freshMariadbUrl('app_create_crash');
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'create-crash-')), 'app.db')}`;
}

async function call(app: AppProcess, token: string, path: string, body: unknown) {
  const response = await fetch(`${app.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'Idempotency-Key': KEY },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function login(app: AppProcess): Promise<string> {
  const response = await fetch(`${app.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'zhangli', password: 'demo1234' }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** The applications of the customer with this id number, as the database holds them. */
const applicationsOf = (database: Sequelize, idNumber: string) =>
  database.query<{ application_no: string; process_instance_key: string | null }>(
    `SELECT a.application_no, a.process_instance_key FROM be_applications a
       JOIN customers c ON c.id = a.customer_id WHERE c.id_number = :idNumber`,
    { replacements: { idNumber }, type: QueryTypes.SELECT },
  );

async function topLevelInstances(engine: EngineProcess, applicationNo: string): Promise<unknown[]> {
  const response = await fetch(`${engine.restAddress}/v2/process-instances/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await engine.authHeaders()) },
    body: JSON.stringify({
      filter: {
        processDefinitionId: 'business-expansion',
        variables: [{ name: 'businessKey', value: JSON.stringify(applicationNo) }],
      },
    }),
  });
  return ((await response.json()) as { items: unknown[] }).items;
}

describe('kill -9 during an application’s creation', () => {
  let engine: EngineProcess | undefined;
  let proxy: DelayingProxy | undefined;
  let app: AppProcess | undefined;
  let database: Sequelize | undefined;

  afterAll(async () => {
    await database?.close();
    await app?.stop();
    await proxy?.close();
    await engine?.stop();
  });

  it('a retry with the same Idempotency-Key after the restart answers the one case', async () => {
    engine = await startEngineProcess();
    proxy = await startDelayingProxy(engine.grpcAddress);
    const databaseUrl = await freshAppDatabaseUrl();
    const options = {
      databaseUrl,
      restAddress: engine.restAddress,
      authSecret: AUTH_SECRET,
      demoData: true,
      engineAuth: engine.sdkAuth,
    };
    app = await startAppProcess({ ...options, grpcAddress: proxy.address });
    database = createSequelize(databaseUrl);
    const body = {
      customer: applicant(),
      businessType: 'new',
      address: '上海市浦东新区张杨路 800 号',
      voltage: '220V',
      capacityKva: 8,
      category: 'residential',
      documents: DOCUMENTS.residential,
    };
    const idNumber = body.customer.idNumber as string;

    proxy.delayMs = 1_000;
    const lost = call(app, await login(app), '/business-expansion/applications', body).catch(() => undefined);
    const [saved] = await waitFor(
      async () => {
        const rows = await applicationsOf(database!, idNumber);
        return rows.length ? rows : undefined;
      },
      { timeout: 30_000, interval: 20, description: 'the application saved' },
    );
    expect(saved.process_instance_key).toBeNull();
    // Long enough for the start request to leave (after the engine search), well short of its answer's return.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await applicationsOf(database, idNumber))[0].process_instance_key).toBeNull();
    await app.kill();
    await lost;

    // The start request was on its way: the engine starts the instance the dead application never recorded.
    await waitFor(async () => (await topLevelInstances(engine!, saved.application_no)).length === 1, {
      timeout: 10_000,
      description: 'the instance started by the lost request',
    });

    proxy.delayMs = 0;
    app = await startAppProcess({ ...options, grpcAddress: engine.grpcAddress });
    const retried = await call(app, await login(app), '/business-expansion/applications', body);
    expect(retried.status).toBe(201);
    expect(retried.body.applicationNo).toBe(saved.application_no);
    const rows = await applicationsOf(database, idNumber);
    expect(rows).toEqual([
      { application_no: saved.application_no, process_instance_key: retried.body.processInstanceKey },
    ]);
    expect(await topLevelInstances(engine, saved.application_no)).toHaveLength(1);
    const customers = await database.query('SELECT id FROM customers WHERE id_number = :idNumber', {
      replacements: { idNumber },
      type: QueryTypes.SELECT,
    });
    expect(customers).toHaveLength(1);
  });
});
