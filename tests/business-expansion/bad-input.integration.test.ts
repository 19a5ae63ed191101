/**
 * 业扩 applications that must be refused: missing documents, a capacity that is not a number, contradictory
 * fields, unknown customers, the wrong role. Each answers a clear error and leaves no rows behind. An engine that
 * will not start the process leaves the application waiting for a retry with its key or the start-up repair.
 */
import { Customer } from '../../db/core/customer-models';
import { Application, ApplicationDocument } from '../../db/business-expansion';
import { submitApplication } from '../../domain/business-expansion';
import { instancesOfCase, repairUnstartedCases } from '../../domain/cases';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { DOCUMENTS, residentialApplication } from './business-expansion-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

const rowCounts = async () => ({
  applications: await Application.count(),
  documents: await ApplicationDocument.count(),
  customers: await Customer.count(),
});

const residential = residentialApplication;

test('a residential application without proof of property is refused, naming the document', async () => {
  const before = await rowCounts();
  const clerk = await platform.as('zhangli');
  const answer = await clerk.post(
    '/business-expansion/applications',
    residential({
      documents: DOCUMENTS.residential.filter((d) => d.kind !== 'property-proof'),
    }),
  );
  expect(answer.status).toBe(422);
  expect(answer.body.code).toBe('DOCUMENTS_MISSING');
  expect(answer.body.message).toContain('房屋产权证明');
  expect(answer.body.details).toEqual({ customerClass: 'lv-residential', missing: ['property-proof'] });
  expect(await rowCounts()).toEqual(before);
});

test('a high-voltage application names every missing document; an agent also needs the authorization', async () => {
  const clerk = await platform.as('zhangli');
  const answer = await clerk.post('/business-expansion/applications', {
    ...residential(),
    voltage: '10kV',
    capacityKva: 630,
    category: 'industrial',
    throughAgent: true,
    documents: DOCUMENTS.nonResidential,
  });
  expect(answer.status).toBe(422);
  expect(answer.body.details.missing).toEqual([
    'application-letter',
    'legal-person-id',
    'site-plan',
    'project-approval',
    'agent-id',
    'authorization-letter',
  ]);
});

test('a capacity that is not a number, or not positive, is a 400 naming capacityKva', async () => {
  const before = await rowCounts();
  const clerk = await platform.as('zhangli');
  for (const capacityKva of ['八千瓦', '8', -5, 0, null]) {
    const answer = await clerk.post('/business-expansion/applications', residential({ capacityKva }));
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([expect.objectContaining({ field: 'capacityKva' })]);
  }
  expect(await rowCounts()).toEqual(before);
});

test('contradictory or unknown references are refused', async () => {
  const clerk = await platform.as('zhangli');
  const noAccount = await clerk.post('/business-expansion/applications', residential({ businessType: 'increase' }));
  expect(noAccount.status).toBe(400);
  expect(noAccount.body.message).toContain('accountId');
  const { customer: _customer, ...withoutCustomer } = residential();
  const nobody = await clerk.post('/business-expansion/applications', withoutCustomer);
  expect(nobody.status).toBe(400);
  const unknown = await clerk.post('/business-expansion/applications', { ...withoutCustomer, customerId: 999999 });
  expect(unknown.status).toBe(404);
  const badKind = await clerk.post(
    '/business-expansion/applications',
    residential({
      documents: [...DOCUMENTS.residential, { kind: 'selfie', name: '自拍' }],
    }),
  );
  expect(badKind.status).toBe(400);
  const surveyor = await platform.as('wangqiang');
  expect((await surveyor.post('/business-expansion/applications', residential())).status).toBe(403);
  const missing = await clerk.get('/business-expansion/applications/YK00000000-0000');
  expect(missing.status).toBe(404);
});

test('when the engine refuses to start the process, the application waits: listed, then started once by a retry or the repair', async () => {
  const real = platform.application.services.camunda;
  const refusing = {
    ...real,
    zeebe: Object.assign(Object.create(real.zeebe), {
      createProcessInstance: () => Promise.reject(new Error('engine unavailable')),
    }),
  } as CamundaClients;
  const { sequelize } = platform.application.services;
  const unstartedOf = async (body: ReturnType<typeof residential>) => {
    const customer = await Customer.findOne({ where: { idNumber: (body.customer as { idNumber: string }).idNumber } });
    return Application.findAll({ where: { customerId: customer!.id } });
  };

  const retried = residential();
  await expect(
    submitApplication({ sequelize, camunda: refusing }, retried, 'zhangli', 'bad-input-retry-1'),
  ).rejects.toMatchObject({ status: 503, code: 'PROCESS_START_FAILED' });
  const [saved] = await unstartedOf(retried);
  expect(saved.processInstanceKey).toBeNull();
  const listed = await (await platform.as('zhoumin')).get('/cases/unstarted');
  expect(listed.body.items).toContainEqual({
    kind: 'business-expansion',
    number: saved.applicationNo,
    since: expect.any(String),
  });
  const clerk = await platform.as('zhangli');
  expect((await clerk.get('/cases/unstarted')).status).toBe(403);
  // The retry with the same key (the engine answers now): the same application, its process started.
  const again = await clerk.post('/business-expansion/applications', retried, {
    'Idempotency-Key': 'bad-input-retry-1',
  });
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ applicationNo: saved.applicationNo, customerClass: 'lv-residential' });

  // Without a key: the start-up repair starts it.
  const repaired = residential();
  await expect(submitApplication({ sequelize, camunda: refusing }, repaired, 'zhangli')).rejects.toMatchObject({
    status: 503,
  });
  const [waiting] = await unstartedOf(repaired);
  expect(await repairUnstartedCases(platform.application.services)).toEqual({
    started: [waiting.applicationNo],
    failed: [],
  });
  expect(await repairUnstartedCases(platform.application.services)).toEqual({ started: [], failed: [] });
  for (const body of [retried, repaired]) {
    const applications = await unstartedOf(body);
    expect(applications).toHaveLength(1);
    expect(applications[0].processInstanceKey).toEqual(expect.any(String));
    // The engine's search follows its log by a moment: wait for the started instance to show, then count it.
    const started = async () =>
      (await instancesOfCase(real, applications[0].applicationNo)).filter(
        (found) => found.processDefinitionId === 'business-expansion',
      );
    await waitFor(async () => (await started()).length > 0, { description: 'the started instance in the search' });
    expect(await started()).toHaveLength(1);
  }
});
