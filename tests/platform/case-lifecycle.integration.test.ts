/**
 * The case state follows the process (decision 0023), for the three kinds of case: a manager cancels a 业扩
 * application through the API (state cancelled with the reason, who and when; the clock stops; audited); a 变更
 * application and a 95598 order cancelled directly on the engine through @camunda8/sdk are found by the periodic
 * reconciliation, cancelled in the application too and shown to managers.
 */
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { DOCUMENTS, applicant, caseOf, submit, waitForClock } from '../business-expansion/business-expansion-kit';
import { TODAY, seedAccount, startCase, waitForStatus } from '../change-of-use/change-of-use-kit';
import { waitFor } from '../support/wait-for';
import { createOrder, waitForOrder } from '../work-orders/work-order-kit';
import { startPlatform, usePlatform, type Platform } from './platform-kit';

let platform: Platform;

usePlatform(
  async (started) => {
    platform = started;
    await seedWorkOrderDemoUsers();
    await platform.pinClock(TODAY);
  },
  () => startPlatform({ APP_RECONCILE_INTERVAL_SECONDS: '1' }),
);

const residential = () => ({
  customer: applicant(),
  businessType: 'new',
  address: '上海市浦东新区张杨路 500 弄 3 号 1201 室',
  voltage: '220V',
  capacityKva: 8,
  category: 'residential',
  documents: DOCUMENTS.residential,
});

test('a manager cancels a case with a reason: the case is cancelled, who and when kept, its clock stopped', async () => {
  const { applicationNo } = await submit(platform, residential());
  await waitForClock(platform, applicationNo, 'running');
  const manager = await platform.as('zhoumin');
  const noReason = await manager.post(`/cases/${applicationNo}/cancel`, {});
  expect(noReason.status).toBe(400);
  expect(noReason.body.details.map((detail: any) => detail.field)).toEqual(['reason']);
  const clerk = await (await platform.as('zhangli')).post(`/cases/${applicationNo}/cancel`, { reason: '客户撤回申请' });
  expect(clerk.status).toBe(403);

  const cancelled = await manager.post(`/cases/${applicationNo}/cancel`, { reason: '客户撤回申请' });
  expect(cancelled.status).toBe(200);
  expect(cancelled.body.ending).toMatchObject({
    businessKey: applicationNo,
    caseKind: 'business-expansion',
    outcome: 'cancelled',
    reason: '客户撤回申请',
    endedBy: 'zhoumin',
    endedAt: new Date(TODAY).toISOString(),
    source: 'api',
  });
  const record = await caseOf(platform, applicationNo);
  expect(record.application.state).toBe('cancelled');
  expect(record.timeLimit).toMatchObject({
    state: 'cancelled',
    cancelledAt: new Date(TODAY).toISOString(),
    compliant: null,
  });
  const view = await manager.get(`/cases/${applicationNo}`);
  expect(view.body.ending).toMatchObject({ reason: '客户撤回申请', endedBy: 'zhoumin' });
  expect(view.body.processes[0].state).toBe('TERMINATED');

  const again = await manager.post(`/cases/${applicationNo}/cancel`, { reason: '再次取消' });
  expect([again.status, again.body.code]).toEqual([409, 'CASE_ALREADY_CANCELLED']);
  const audit = await (await platform.as('admin')).get(`/audit?action=case.cancel&target=case:${applicationNo}`);
  expect(audit.body.items).toEqual([
    expect.objectContaining({
      actor: 'zhoumin',
      outcome: 'ok',
      detail: expect.objectContaining({ reason: '客户撤回申请' }),
    }),
  ]);
  // The API's cancellation is not reported again as one the reconciliation found.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const reconciled = await manager.get('/cases/reconciled');
  expect(reconciled.body.items.map((item: any) => item.businessKey)).not.toContain(applicationNo);
});

test('cases cancelled directly on the engine are cancelled in the application too, and managers see them', async () => {
  const account = await seedAccount();
  const change = await startCase(platform, {
    accountId: account.id,
    changeType: 'meter-move',
    newMeterLocation: '东墙',
  });
  const order = await createOrder(platform);
  const manager = await platform.as('zhoumin');
  const clockOf = async (businessKey: string) => (await manager.get(`/cases/${businessKey}`)).body.timeLimit;
  await waitFor(async () => (await clockOf(change.applicationNo))?.state === 'running');
  const { rest } = platform.application.services.camunda;
  await rest.cancelProcessInstance({ processInstanceKey: change.processInstanceKey });
  await rest.cancelProcessInstance({ processInstanceKey: order.processInstanceKey });

  await waitForStatus(platform, change.applicationNo, 'cancelled');
  await waitForOrder(platform, order.orderNo, (found) => found.state === 'cancelled', 'cancelled');
  expect(await clockOf(change.applicationNo)).toMatchObject({ state: 'cancelled', compliant: null });
  const reconciled = await waitFor(async () => {
    const answer = await manager.get('/cases/reconciled');
    const mine = answer.body.items.filter((item: any) =>
      [change.applicationNo, order.orderNo].includes(item.businessKey),
    );
    return mine.length === 2 ? mine : undefined;
  });
  expect(
    reconciled.map((item: any) => [item.businessKey, item.caseKind, item.outcome, item.endedBy, item.source]).sort(),
  ).toEqual(
    [
      [change.applicationNo, 'change-of-use', 'cancelled', 'engine', 'reconcile'],
      [order.orderNo, 'work-order', 'cancelled', 'engine', 'reconcile'],
    ].sort(),
  );
  expect((await (await platform.as('zhangli')).get('/cases/reconciled')).status).toBe(403);
});
