/**
 * Creating an application or a 95598 order with an Idempotency-Key (decision 0024): a client that retries after a
 * lost answer — or sends the same request twice at once — gets the first answer and one record, with one process
 * instance; the same key with another body is refused with 422.
 */
import { Application } from '../../db/business-expansion';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { Customer } from '../../db/core/customer-models';
import { WorkOrder } from '../../db/work-orders';
import { instancesOfCase } from '../../domain/cases';
import type { Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { usePlatform } from '../platform/platform-kit';
import { DOCUMENTS, applicant } from '../business-expansion/business-expansion-kit';
import { REQUESTED, TODAY, seedAccount } from '../change-of-use/change-of-use-kit';
import { orderBody, startWorkOrderPlatform } from '../work-orders/work-order-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
}, startWorkOrderPlatform);

beforeEach(async () => {
  await platform.pinClock(TODAY);
});

/** The top-level instances of a case (called processes carry the businessKey too). */
/** The case's top-level instances once the engine's search shows one (its search follows its log by a moment). */
const topInstances = async (businessKey: string, processId: string) => {
  const found = async () =>
    (await instancesOfCase(platform.application.services.camunda, businessKey)).filter(
      (instance) => instance.processDefinitionId === processId,
    );
  await waitFor(async () => (await found()).length > 0, { description: `an instance of ${businessKey}` });
  return found();
};

test('a 业扩 application sent twice at once and once more later with the same key is one case', async () => {
  const clerk = await platform.as('zhangli');
  const body = {
    customer: applicant(),
    businessType: 'new',
    address: '上海市浦东新区锦绣路 200 号',
    voltage: '220V',
    capacityKva: 8,
    category: 'residential',
    documents: DOCUMENTS.residential,
  };
  const headers = { 'Idempotency-Key': 'yk-once-1' };
  const path = '/business-expansion/applications';
  const [a, b] = await Promise.all([clerk.post(path, body, headers), clerk.post(path, body, headers)]);
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(b.body).toEqual(a.body);
  expect(await clerk.post(path, body, headers)).toEqual({ status: 201, body: a.body });
  const customers = await Customer.findAll({ where: { idNumber: body.customer.idNumber } });
  expect(customers).toHaveLength(1);
  expect(await Application.count({ where: { customerId: customers[0].id } })).toBe(1);
  expect(await topInstances(a.body.applicationNo, 'business-expansion')).toHaveLength(1);

  const other = await clerk.post(path, { ...body, capacityKva: 9 }, headers);
  expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  // Keys are each user's own: the administrator's same key is another request.
  const admin = await platform.as('admin');
  expect((await admin.post(path, { ...body, customer: applicant() }, headers)).status).toBe(201);
});

test('a 95598 order and a change-of-use application retried with their keys are created once', async () => {
  const agent = await platform.as('liuna');
  const order = orderBody({ orderType: 'consultation', subType: undefined, content: '电费怎么交？' });
  const first = await agent.post('/work-orders', order, { 'Idempotency-Key': 'gd-once-1' });
  expect(first.status).toBe(201);
  expect(await agent.post('/work-orders', order, { 'Idempotency-Key': 'gd-once-1' })).toEqual(first);
  expect(await WorkOrder.count({ where: { phone: order.phone as string } })).toBe(1);
  expect(await topInstances(first.body.orderNo, 'work-order')).toHaveLength(1);
  const changed = await agent.post(
    '/work-orders',
    { ...order, content: '另一件事' },
    { 'Idempotency-Key': 'gd-once-1' },
  );
  expect(changed.status).toBe(422);

  const clerk = await platform.as('zhangli');
  const account = await seedAccount();
  const change = {
    accountId: account.id,
    changeType: 'meter-move',
    newMeterLocation: '东墙',
    requestedDate: REQUESTED,
    reason: '装修',
  };
  const submitted = await clerk.post('/change-of-use/applications', change, { 'Idempotency-Key': 'bg-once-1' });
  expect(submitted.status).toBe(201);
  // Without the key the second would be refused as an open change of the same account; with it, the first answer.
  expect(await clerk.post('/change-of-use/applications', change, { 'Idempotency-Key': 'bg-once-1' })).toEqual(
    submitted,
  );
  expect(await ChangeApplication.count({ where: { accountId: account.id } })).toBe(1);
  expect(await topInstances(submitted.body.applicationNo, 'change-of-use')).toHaveLength(1);
});
