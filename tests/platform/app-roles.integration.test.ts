/**
 * APP_ROLE (decision 0058): the API and the job workers as two processes on the same databases. The API alone
 * takes a 95598 order and starts its process, but its automatic steps wait; once a workers-only process runs, they
 * are done and the order goes on to its end.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshMariadbUrl, startEngineProcess, type EngineProcess } from '../support/engine-process';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { waitFor } from '../support/wait-for';
import { FollowingClient, completeStep, type OpenTask } from '../durability/crash-driver';
import { orderBody } from '../work-orders/work-order-kit';

jest.setTimeout(120_000);

const appDatabaseUrl = async () =>
  process.env.ENGINE_TEST_DATABASE === 'mariadb'
    ? freshMariadbUrl('app_roles')
    : `sqlite:${join(mkdtempSync(join(tmpdir(), 'app-roles-')), 'app.db')}`;

describe('the API and the workers in processes of their own', () => {
  let engine: EngineProcess | undefined;
  const apps: AppProcess[] = [];

  afterAll(async () => {
    for (const app of apps.reverse()) await app.stop();
    await engine?.stop();
  });

  it('an order waits on its automatic steps until a workers process runs, then reaches its end', async () => {
    engine = await startEngineProcess();
    const options = {
      databaseUrl: await appDatabaseUrl(),
      grpcAddress: engine.grpcAddress,
      restAddress: engine.restAddress,
      engineAuth: engine.sdkAuth,
      authSecret: 'app-roles-test-secret',
      demoData: true,
    };
    const api = await startAppProcess({ ...options, role: 'api' });
    apps.push(api);
    expect(api.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const client = new FollowingClient();
    client.follow(api.apiUrl);
    const created = await client.call('liuna', 'POST', '/work-orders', {
      ...orderBody({ orderType: 'consultation', subType: undefined, content: '请问电费怎么交？' }),
    });
    expect(created.status).toBe(201);
    const { orderNo, processInstanceKey } = created.body;
    const tasks = async (): Promise<OpenTask[]> =>
      (await client.call('admin', 'GET', `/tasks?scope=group&processInstanceKey=${processInstanceKey}`)).body.items;
    // No workers: the knowledge lookup before the agent's answer is not done.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await tasks()).toEqual([]);

    const workers = await startAppProcess({ ...options, role: 'workers' });
    apps.push(workers);
    expect(workers.apiUrl).toBe('');
    await completeStep(
      client,
      tasks,
      'agent-answer',
      'liuna',
      { answer: '网上国网 APP', answerResolved: true },
      new Set(),
    );
    await waitFor(
      async () => (await client.call('admin', 'GET', `/work-orders/${orderNo}`)).body.state === 'archived',
      {
        timeout: 60_000,
        interval: 250,
        description: `${orderNo} archived`,
      },
    );
  });
});
