/**
 * A case whose process instance is gone from the engine (the engine's data replaced by fresh data, the
 * application's kept) is flagged `vanished` by the reconciliation and shown to managers; its state is left for a
 * manager to decide (decision 0023).
 */
import { appClock } from '../../lib/clock/app-clock';
import { startApplication } from '../../platform/application';
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { startEngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { createOrder } from '../work-orders/work-order-kit';
import { startPlatform } from './platform-kit';

async function signIn(apiUrl: string, login: string) {
  const answer = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo1234' }),
  });
  const { token } = (await answer.json()) as { token: string };
  return async (path: string) => {
    const response = await fetch(`${apiUrl}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };
}

test('a case whose process instance vanished from the engine is flagged for managers', async () => {
  const first = await startPlatform();
  await seedWorkOrderDemoUsers();
  const order = await createOrder(first);
  const { config } = first.application.services;
  await first.application.stop();
  await first.engine.stop();

  const freshEngine = await startEngineProcess();
  const application = await startApplication(
    {
      ...config,
      ZEEBE_GRPC_ADDRESS: `grpc://${freshEngine.grpcAddress}`,
      ZEEBE_REST_ADDRESS: freshEngine.restAddress,
      // The same test client as before; its tokens now come from the fresh engine.
      CAMUNDA_OAUTH_URL: `${freshEngine.restAddress}/oauth/token`,
      APP_RECONCILE_INTERVAL_SECONDS: 1,
    },
    { demoData: false },
  );
  try {
    const manager = await signIn(application.url, 'zhoumin');
    const flagged = await waitFor(async () => {
      const answer = await manager('/cases/reconciled');
      return answer.body.items.find((item: any) => item.businessKey === order.orderNo);
    });
    expect(flagged).toMatchObject({
      caseKind: 'work-order',
      processInstanceKey: order.processInstanceKey,
      outcome: 'vanished',
      endedBy: 'system',
      source: 'reconcile',
    });
    expect(flagged.reason).toContain('the process instance is not on the engine');
    // Only flagged: whether it is restarted or closed is a manager's call.
    expect((await manager(`/work-orders/${order.orderNo}`)).body.state).not.toBe('cancelled');
  } finally {
    await application.stop();
    await freshEngine.stop();
    await appClock.reset();
  }
}, 120_000);
