/**
 * The REST v2 adapter as a black box: the real engine process, driven by @camunda8/sdk's CamundaRestClient (and its
 * job worker), plus raw fetch() for the problem-detail answers a client library hides.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEngineProcess } from '../support/engine-process';
import { stillPendingAfter } from '../support/wait-for';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const JOB_TYPE = 'rest-accept';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

let engine: Awaited<ReturnType<typeof startEngineProcess>>;
let restAddress: string;
let client: CamundaRestClient;

beforeAll(async () => {
  engine = await startEngineProcess();
  restAddress = engine.restAddress;
  client = new CamundaRestClient({
    config: {
      ZEEBE_REST_ADDRESS: restAddress,
      ...engine.sdkAuth,
      CAMUNDA_LOG_LEVEL: 'error',
    },
  });
  await client.deployResourcesFromFiles([fixture('rest-order.bpmn'), fixture('rest-straight.bpmn')]);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
});

const startOrder = (variables: Record<string, unknown> = {}) =>
  client.createProcessInstance({ processDefinitionId: 'rest-order', variables });

/** Activates jobs of JOB_TYPE until the one of the given instance shows up (other tests' jobs are left to time out). */
async function activateJobOf(processInstanceKey: string, timeout = 60_000) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const jobs = await client.activateJobs({
      type: JOB_TYPE,
      worker: 'rest-test',
      timeout,
      maxJobsToActivate: 32,
      requestTimeout: 2000,
    });
    const job = jobs.find((j) => j.processInstanceKey === processInstanceKey);
    if (job) return job;
  }
  throw new Error(`no job for process instance ${processInstanceKey}`);
}

async function raw(method: string, urlPath: string, body?: string) {
  const res = await fetch(`${restAddress}${urlPath}`, {
    method,
    body,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(await engine.authHeaders()),
    },
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
}

async function expectProblem(method: string, urlPath: string, body: string | undefined, status: number, title: string) {
  const res = await raw(method, urlPath, body);
  expect(res.status).toBe(status);
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(res.text) as ProblemBody;
  expect(problem).toMatchObject({ status, title, instance: urlPath.split('?')[0] });
  expect(typeof problem.type).toBe('string');
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
}

describe('REST v2 gateway with CamundaRestClient', () => {
  it('reports the topology', async () => {
    const topology = await client.getTopology();
    expect(topology.brokers.length).toBeGreaterThanOrEqual(1);
    expect(topology.clusterSize).toBe(topology.brokers.length);
    expect(typeof topology.gatewayVersion).toBe('string');
    const partition = topology.brokers[0].partitions[0];
    expect(partition).toMatchObject({ role: 'leader', health: 'healthy' });
  });

  it('deploys resources with keys as strings, names and content intact', async () => {
    const content = fs.readFileSync(fixture('rest-order.bpmn'), 'utf8');
    const result = await client.deployResources([{ name: '业扩报装.bpmn', content }]);
    expect(result.deploymentKey).toMatch(/^\d+$/);
    expect(result.deployments).toHaveLength(1);
    expect(result.processes[0]).toMatchObject({
      processDefinitionId: 'rest-order',
      resourceName: '业扩报装.bpmn',
      tenantId: '<default>',
    });
    expect(result.processes[0].processDefinitionKey).toMatch(/^\d+$/);
    expect(result.processes[0].processDefinitionVersion).toBeGreaterThanOrEqual(1);
  });

  it('deploys several files at once, in order (deployResourcesFromFiles sends UTF-8 as latin1 text)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-deploy-'));
    const file = path.join(dir, '直通.bpmn');
    fs.copyFileSync(fixture('rest-straight.bpmn'), file);
    const result = await client.deployResourcesFromFiles([fixture('rest-order.bpmn'), file]);
    expect(result.processes.map((p) => p.processDefinitionId)).toEqual(['rest-order', 'rest-straight']);
    expect(result.processes[1].resourceName).toBe('直通.bpmn'); // form-data sends the base name
  });

  it('creates instances by id, by id and version, and by key', async () => {
    const byId = await startOrder({ applicant: '张三' });
    expect(byId).toMatchObject({ processDefinitionId: 'rest-order', tenantId: '<default>', variables: {} });
    expect(byId.processInstanceKey).toMatch(/^\d+$/);

    const byVersion = await client.createProcessInstance({
      processDefinitionId: 'rest-order',
      processDefinitionVersion: 1,
      variables: {},
    });
    expect(byVersion.processDefinitionVersion).toBe(1);

    const byKey = await client.createProcessInstance({
      processDefinitionKey: byId.processDefinitionKey,
      variables: {},
    });
    expect(byKey).toMatchObject({
      processDefinitionKey: byId.processDefinitionKey,
      processDefinitionId: 'rest-order',
      processDefinitionVersion: byId.processDefinitionVersion,
    });
  });

  it('creates an instance and awaits its result', async () => {
    const result = await client.createProcessInstanceWithResult({
      processDefinitionId: 'rest-straight',
      variables: { amount: 2, note: '预付' },
      fetchVariables: ['amount'],
      requestTimeout: 10_000,
    });
    expect(result.processDefinitionId).toBe('rest-straight');
    expect(result.variables).toEqual({ amount: 2 });
  });

  it('activates a job in the REST shape and completes it', async () => {
    const instance = await startOrder({ applicant: '李四', amount: 10 });
    const job = await activateJobOf(instance.processInstanceKey);
    expect(job).toMatchObject({
      type: JOB_TYPE,
      processInstanceKey: instance.processInstanceKey,
      processDefinitionId: 'rest-order',
      processDefinitionKey: instance.processDefinitionKey,
      processDefinitionVersion: instance.processDefinitionVersion,
      elementId: 'accept',
      worker: 'rest-test',
      retries: 3,
      tenantId: '<default>',
    });
    expect(job.jobKey).toMatch(/^\d+$/);
    expect(job.elementInstanceKey).toMatch(/^\d+$/);
    expect(Number(job.deadline)).toBeGreaterThan(Date.now());
    expect({ ...job.customHeaders }).toEqual({ area: '业扩' });
    expect({ ...job.variables }).toEqual({ applicant: '李四', amount: 10 });

    await expect(job.complete({ accepted: true })).resolves.toBe('JOB_ACTION_ACKNOWLEDGEMENT');
    // a completed job is gone
    await expectProblem('POST', `/v2/jobs/${job.jobKey}/completion`, '{}', 404, 'NOT_FOUND');
  });

  it('long-polls until a job is created', async () => {
    const poll = client.activateJobs({
      type: JOB_TYPE,
      worker: 'rest-long-poll',
      timeout: 60_000,
      maxJobsToActivate: 1,
      requestTimeout: 10_000,
    });
    const startedAt = Date.now();
    // With no job yet, the poll waits instead of answering.
    expect(await stillPendingAfter(poll, 300)).toBe(true);
    await startOrder();
    const jobs = await poll;
    expect(jobs).toHaveLength(1);
    expect(Date.now() - startedAt).toBeLessThan(8_000);
  });

  it('fails a job with retries left, then it can be activated again', async () => {
    const instance = await startOrder();
    const job = await activateJobOf(instance.processInstanceKey);
    await job.fail({ errorMessage: '计量点不存在', retries: 1, retryBackOff: 0 });
    const again = await activateJobOf(instance.processInstanceKey);
    expect(again.jobKey).toBe(job.jobKey);
    expect(again.retries).toBe(1);
    await again.complete();
  });

  it('throws a BPMN error for a job (uncaught here: it becomes an incident)', async () => {
    const instance = await startOrder();
    const job = await activateJobOf(instance.processInstanceKey);
    await expect(
      job.error({ errorCode: 'REST_REJECTED', errorMessage: '资料不全', variables: { reason: '资料不全' } }),
    ).resolves.toBe('JOB_ACTION_ACKNOWLEDGEMENT');
  });

  it('updates a job’s retries and timeout', async () => {
    const instance = await startOrder();
    const job = await activateJobOf(instance.processInstanceKey);
    await client.updateJob({ jobKey: job.jobKey, retries: 5 });
    await client.updateJob({ jobKey: job.jobKey, timeout: 120_000 });
    await job.modifyJobTimeout({ newTimeoutMs: 90_000 });
    await job.complete();
  });

  it('cancels a process instance; its job is gone', async () => {
    const instance = await startOrder();
    const job = await activateJobOf(instance.processInstanceKey);
    await client.cancelProcessInstance({ processInstanceKey: instance.processInstanceKey });
    await expectProblem('POST', `/v2/jobs/${job.jobKey}/completion`, '{}', 404, 'NOT_FOUND');
    await expectProblem(
      'POST',
      `/v2/process-instances/${instance.processInstanceKey}/cancellation`,
      '{}',
      404,
      'NOT_FOUND',
    );
  });

  it('runs a job worker that completes jobs', async () => {
    const instance = await startOrder({ amount: 7 });
    const seen = await new Promise<Record<string, unknown>>((resolve) => {
      const worker = client.createJobWorker({
        type: JOB_TYPE,
        worker: 'rest-worker',
        timeout: 60_000,
        maxJobsToActivate: 8,
        pollIntervalMs: 100,
        jobHandler: async (job) => {
          const ack = await job.complete({ handled: true });
          if (job.processInstanceKey === instance.processInstanceKey) {
            void worker.stop().then(() => resolve({ ...job.variables }));
          }
          return ack;
        },
      });
    });
    expect(seen).toMatchObject({ amount: 7 });
  });

  it('pins the engine clock (job deadlines follow it) and resets it', async () => {
    const pinned = Date.UTC(2030, 0, 1, 8, 0, 0);
    await client.pinInternalClock(pinned);
    try {
      const instance = await startOrder();
      const job = await activateJobOf(instance.processInstanceKey, 60_000);
      expect(Number(job.deadline)).toBe(pinned + 60_000);
      await job.complete();
    } finally {
      await client.resetClock();
    }
    const instance = await startOrder();
    const job = await activateJobOf(instance.processInstanceKey, 60_000);
    expect(Math.abs(Number(job.deadline) - (Date.now() + 60_000))).toBeLessThan(10_000);
    await job.complete();
  });

  it('answers resolving an unknown incident with 404', async () => {
    await expect(client.resolveIncident('2251799813685249')).rejects.toMatchObject({ statusCode: 404 });
    await expectProblem('POST', '/v2/incidents/2251799813685249/resolution', undefined, 404, 'NOT_FOUND');
  });
});

describe('REST v2 gateway problem details', () => {
  it('rejects malformed JSON with 400', async () => {
    await expectProblem('POST', '/v2/process-instances', '{"processDefinitionId": ', 400, 'INVALID_ARGUMENT');
  });

  it('answers an unknown process id with 404', async () => {
    const problem = await expectProblem(
      'POST',
      '/v2/process-instances',
      JSON.stringify({ processDefinitionId: 'no-such-process', variables: {} }),
      404,
      'NOT_FOUND',
    );
    expect(problem.detail).toContain('no-such-process');
  });

  it('rejects variables that are not an object with 400', async () => {
    for (const variables of [[1, 2], 'text', 42]) {
      await expectProblem(
        'POST',
        '/v2/process-instances',
        JSON.stringify({ processDefinitionId: 'rest-order', variables }),
        400,
        'INVALID_ARGUMENT',
      );
    }
  });

  it('answers an unknown job with 404 and a malformed key with 400', async () => {
    await expectProblem('POST', '/v2/jobs/2251799813685249/completion', '{}', 404, 'NOT_FOUND');
    await expectProblem('POST', '/v2/jobs/not-a-key/completion', '{}', 400, 'INVALID_ARGUMENT');
  });

  it('activates without a worker name (optional in the REST API) and answers at once with requestTimeout < 0', async () => {
    const body = JSON.stringify({ type: 'rest-nobody', timeout: 1000, maxJobsToActivate: 1, requestTimeout: -1 });
    const res = await raw('POST', '/v2/jobs/activation', body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ jobs: [] });
  });

  it('validates activation, update and clock requests', async () => {
    await expectProblem(
      'POST',
      '/v2/jobs/activation',
      JSON.stringify({ maxJobsToActivate: 1 }),
      400,
      'INVALID_ARGUMENT',
    );
    await expectProblem('PATCH', '/v2/jobs/1', JSON.stringify({ changeset: {} }), 400, 'INVALID_ARGUMENT');
    await expectProblem('PUT', '/v2/clock', JSON.stringify({ timestamp: 'soon' }), 400, 'INVALID_ARGUMENT');
  });

  it('rejects a deployment without resources with 400', async () => {
    const res = await fetch(`${restAddress}/v2/deployments`, {
      method: 'POST',
      body: new FormData(),
      headers: await engine.authHeaders(),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers unknown routes with 404', async () => {
    await expectProblem('GET', '/v2/no-such-resource', undefined, 404, 'NOT_FOUND');
    await expectProblem('DELETE', '/v2/jobs/activation', undefined, 404, 'NOT_FOUND');
  });
});
