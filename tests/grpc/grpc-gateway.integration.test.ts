/**
 * The gateway_protocol.Gateway adapter as a black box: the real engine process, driven through @camunda8/sdk's
 * ZeebeGrpcClient, plus a plain grpc-js client for what the SDK will not send (malformed JSON, deprecated RPCs)
 * and the standard health service.
 */
import type { Zeebe } from '@camunda8/sdk';
import { status } from '@grpc/grpc-js';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { stillPendingAfter } from '../support/wait-for';
import { callUnary, gatewayClient, healthClient, processXml, sdkClient, unique } from './grpc-test-clients';

let engine: EngineProcess;
let zbc: Zeebe.ZeebeGrpcClient;
let raw: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  engine = await startEngineProcess();
  zbc = sdkClient(engine);
  raw = gatewayClient(engine);
  await zbc.topology(); // the SDK sets up its logger on the first call
});

afterAll(async () => {
  raw?.close();
  await zbc?.close();
  await engine?.stop();
});

const rejectsWith = (promise: Promise<unknown>, code: status, details: string | RegExp) =>
  expect(promise).rejects.toMatchObject({
    code,
    details: typeof details === 'string' ? expect.stringContaining(details) : expect.stringMatching(details),
  });

async function deploy(processId: string, jobType?: string) {
  const res = await zbc.deployResource({ name: `${processId}.bpmn`, process: processXml(processId, jobType) });
  return res.deployments[0].process;
}

/** Deploys a one-task process, starts an instance and activates its job. */
async function activatedJob(variables: Record<string, string | number> = {}) {
  const processId = unique('job-process');
  const jobType = unique('job-type');
  await deploy(processId, jobType);
  const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables });
  const jobs = await zbc.activateJobs({
    type: jobType,
    worker: 'tester',
    maxJobsToActivate: 1,
    timeout: 60_000,
    requestTimeout: 5_000,
  });
  expect(jobs).toHaveLength(1);
  return { job: jobs[0], instance, jobType, processId };
}

describe('Topology and health', () => {
  it('reports one broker with its partitions and the gateway version', async () => {
    const topology = await zbc.topology();
    expect(topology.brokers.length).toBeGreaterThanOrEqual(1);
    expect(topology.partitionsCount).toBeGreaterThanOrEqual(1);
    expect(topology.brokers[0].partitions[0]).toMatchObject({ role: 'LEADER', health: 'HEALTHY' });
    expect(topology.gatewayVersion).toMatch(/\S/);
  });

  it.each(['', 'gateway_protocol.Gateway'])('answers SERVING for the health of %j', async (service) => {
    const health = healthClient(engine.grpcPort);
    try {
      await expect(callUnary(health, 'check', { service })).resolves.toEqual({ status: 'SERVING' });
    } finally {
      health.close();
    }
  });
});

describe('DeployResource, DeployProcess and DeleteResource', () => {
  it('deploys a process and echoes the default tenant', async () => {
    const processId = unique('deploy');
    const res = await zbc.deployResource({ name: 'deploy.bpmn', process: processXml(processId, 'x') });
    expect(res.key).toMatch(/^\d+$/);
    expect(res.tenantId).toBe('<default>');
    expect(res.deployments).toHaveLength(1);
    expect(res.deployments[0].process).toMatchObject({
      bpmnProcessId: processId,
      version: 1,
      resourceName: 'deploy.bpmn',
      tenantId: '<default>',
      processDefinitionKey: expect.stringMatching(/^\d+$/),
    });
  });

  it('rejects another tenant because multi-tenancy is disabled', async () => {
    const deploying = zbc.deployResource({ name: 't.bpmn', process: processXml(unique('t')), tenantId: 'acme' });
    await rejectsWith(deploying, status.INVALID_ARGUMENT, 'multi-tenancy is disabled');
  });

  it('rejects a request without resources and content that is not BPMN', async () => {
    await rejectsWith(callUnary(raw, 'DeployResource', { resources: [] }), status.INVALID_ARGUMENT, /resource/);
    const garbage = { resources: [{ name: 'bad.bpmn', content: Buffer.from('<not bpmn') }] };
    await expect(callUnary(raw, 'DeployResource', garbage)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('still serves the deprecated DeployProcess', async () => {
    const processId = unique('legacy');
    const res = await callUnary<{ key: string; processes: Array<Record<string, unknown>> }>(raw, 'DeployProcess', {
      processes: [{ name: 'legacy.bpmn', definition: processXml(processId) }],
    });
    expect(res.key).toMatch(/^\d+$/);
    expect(res.processes).toEqual([expect.objectContaining({ bpmnProcessId: processId, version: 1 })]);
  });

  it('deletes a process definition, and NOT_FOUND for an unknown key', async () => {
    const process = await deploy(unique('delete'));
    await zbc.deleteResource({ resourceKey: process.processDefinitionKey });
    await rejectsWith(zbc.deleteResource({ resourceKey: '2251799813999999' }), status.NOT_FOUND, /\S/);
  });
});

describe('CreateProcessInstance, CreateProcessInstanceWithResult and CancelProcessInstance', () => {
  it('creates an instance by process id and by definition key', async () => {
    const processId = unique('create');
    const process = await deploy(processId, unique('create-job'));
    const byId = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: { a: 1 } });
    expect(byId).toMatchObject({
      bpmnProcessId: processId,
      version: 1,
      processDefinitionKey: process.processDefinitionKey,
      tenantId: '<default>',
      processInstanceKey: expect.stringMatching(/^\d+$/),
    });
    const byKey = await callUnary(raw, 'CreateProcessInstance', { processDefinitionKey: process.processDefinitionKey });
    expect(byKey).toMatchObject({ bpmnProcessId: processId, processDefinitionKey: process.processDefinitionKey });
  });

  it('answers NOT_FOUND for an unknown process id', async () => {
    const creating = zbc.createProcessInstance({ bpmnProcessId: unique('missing'), variables: {} });
    await rejectsWith(creating, status.NOT_FOUND, /\S/);
  });

  it('answers INVALID_ARGUMENT for variables that are not an object or not JSON', async () => {
    const processId = unique('bad-vars');
    await deploy(processId);
    const request = (variables: string) =>
      callUnary(raw, 'CreateProcessInstance', { bpmnProcessId: processId, variables });
    await expect(request('[1, 2]')).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await rejectsWith(request('{"a":'), status.INVALID_ARGUMENT, 'variables');
  });

  it('rejects another tenant', async () => {
    const creating = zbc.createProcessInstance({ bpmnProcessId: 'x', variables: {}, tenantId: 'acme' });
    await rejectsWith(creating, status.INVALID_ARGUMENT, 'multi-tenancy is disabled');
  });

  it('answers with the result once the instance completes', async () => {
    const processId = unique('with-result');
    await deploy(processId);
    const result = await zbc.createProcessInstanceWithResult({
      bpmnProcessId: processId,
      variables: { a: 1, b: '电' },
      requestTimeout: 10_000,
    });
    expect(result).toMatchObject({ bpmnProcessId: processId, version: 1, tenantId: '<default>' });
    expect(result.variables).toEqual({ a: 1, b: '电' });
    const fetched = await zbc.createProcessInstanceWithResult({
      bpmnProcessId: processId,
      variables: { a: 1, b: 2 },
      fetchVariables: ['b'],
    });
    expect(fetched.variables).toEqual({ b: 2 });
  });

  it('returns the variables a worker set when awaiting an instance with a task', async () => {
    const processId = unique('await-task');
    const jobType = unique('await-job');
    await deploy(processId, jobType);
    const awaiting = zbc.createProcessInstanceWithResult({ bpmnProcessId: processId, variables: { n: 1 } });
    const [job] = await zbc.activateJobs({
      type: jobType,
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    await zbc.completeJob({ jobKey: job.key, variables: { n: 2, done: true } });
    await expect(awaiting).resolves.toMatchObject({ variables: { n: 2, done: true } });
  });

  it('cancels a running instance, then NOT_FOUND', async () => {
    const processId = unique('cancel');
    await deploy(processId, unique('cancel-job'));
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await zbc.cancelProcessInstance(processInstanceKey);
    await rejectsWith(zbc.cancelProcessInstance(processInstanceKey), status.NOT_FOUND, /\S/);
  });
});

describe('SetVariables', () => {
  it('sets variables on an element instance and returns a key', async () => {
    const { instance } = await activatedJob();
    // The SDK's typings drop the response, so the key is read with the plain client.
    const set = (local: boolean) =>
      callUnary<{ key: string }>(raw, 'SetVariables', {
        elementInstanceKey: instance.processInstanceKey,
        variables: JSON.stringify({ x: 1 }),
        local,
      });
    await expect(set(false)).resolves.toEqual({ key: expect.stringMatching(/^\d+$/) });
    await expect(set(true)).resolves.toEqual({ key: expect.stringMatching(/^\d+$/) });
    await zbc.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { y: 2 }, local: true });
  });

  it('answers NOT_FOUND for an unknown element instance and INVALID_ARGUMENT for bad documents', async () => {
    const { instance } = await activatedJob();
    const set = (elementInstanceKey: string, variables: string) =>
      zbc.setVariables({
        elementInstanceKey,
        variables: variables as unknown as Record<string, unknown>,
        local: false,
      });
    await rejectsWith(set('2251799813999999', '{"x":1}'), status.NOT_FOUND, /\S/);
    await expect(set(instance.processInstanceKey, '[1]')).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await rejectsWith(set(instance.processInstanceKey, '{nope'), status.INVALID_ARGUMENT, 'variables');
  });
});

describe('ActivateJobs and StreamActivatedJobs', () => {
  it('activates a job with its variables, headers and deadline', async () => {
    const { job, instance, jobType, processId } = await activatedJob({ amount: 12.5, 客户: '张三' });
    expect(job).toMatchObject({
      type: jobType,
      worker: 'tester',
      retries: 3,
      bpmnProcessId: processId,
      elementId: 'task',
      processInstanceKey: instance.processInstanceKey,
      tenantId: '<default>',
    });
    expect(job.variables).toEqual({ amount: 12.5, 客户: '张三' });
    expect(job.customHeaders).toEqual({ region: '华东' });
    expect(Number(job.deadline)).toBeGreaterThan(Date.now());
  });

  it('long-polls until a job is created', async () => {
    const processId = unique('long-poll');
    const jobType = unique('long-poll-job');
    await deploy(processId, jobType);
    const polling = zbc.activateJobs({
      type: jobType,
      worker: 'w',
      maxJobsToActivate: 5,
      timeout: 60_000,
      requestTimeout: 10_000,
    });
    // With no job yet, the poll waits instead of answering.
    expect(await stillPendingAfter(polling, 300)).toBe(true);
    await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await expect(polling).resolves.toHaveLength(1);
  });

  it('answers an empty list at once with a negative request timeout', async () => {
    const started = Date.now();
    const jobs = await zbc.activateJobs({
      type: unique('none'),
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 1_000,
      requestTimeout: -1,
    });
    expect(jobs).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['a blank type', { type: ' ' }, 'type'],
    ['a blank worker', { worker: '' }, 'worker'],
    ['timeout < 1', { timeout: 0 }, 'timeout'],
    ['maxJobsToActivate < 1', { maxJobsToActivate: 0 }, 'maxJobsToActivate'],
  ])('rejects %s with INVALID_ARGUMENT', async (_case, override, field) => {
    const request = {
      type: 'some-type',
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 1_000,
      requestTimeout: -1,
      ...override,
    };
    await rejectsWith(zbc.activateJobs(request), status.INVALID_ARGUMENT, field);
  });

  it('pushes jobs to a job stream', async () => {
    const processId = unique('stream');
    const jobType = unique('stream-job');
    await deploy(processId, jobType);
    const received: string[] = [];
    const worker = await zbc.streamJobs({
      type: jobType,
      worker: 'streamer',
      timeout: 60_000,
      tenantIds: ['<default>'],
      taskHandler: async (job) => {
        received.push(job.processInstanceKey);
        return job.complete({ streamed: true });
      },
    });
    try {
      // Whether the stream is registered before or after the job is created, the engine pushes the job to it.
      const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: processId, variables: {} });
      expect(result.variables).toMatchObject({ streamed: true });
      expect(received).toEqual([result.processInstanceKey]);
    } finally {
      worker.close();
    }
  });
});

describe('CompleteJob, FailJob, ThrowError, UpdateJobRetries, UpdateJobTimeout', () => {
  it('completes a job once; the second completion is NOT_FOUND', async () => {
    const { job } = await activatedJob();
    await zbc.completeJob({ jobKey: job.key, variables: { ok: true } });
    await rejectsWith(zbc.completeJob({ jobKey: job.key, variables: {} }), status.NOT_FOUND, /\S/);
  });

  it('answers NOT_FOUND for unknown jobs on every job command', async () => {
    const jobKey = '2251799813999999';
    await rejectsWith(zbc.completeJob({ jobKey, variables: {} }), status.NOT_FOUND, /\S/);
    await rejectsWith(zbc.failJob({ jobKey, retries: 1, errorMessage: 'x', retryBackOff: 0 }), status.NOT_FOUND, /\S/);
    await rejectsWith(zbc.throwError({ jobKey, errorCode: 'E', errorMessage: 'x' }), status.NOT_FOUND, /\S/);
    await rejectsWith(zbc.updateJobRetries({ jobKey, retries: 2 }), status.NOT_FOUND, /\S/);
    await rejectsWith(zbc.updateJobTimeout({ jobKey, timeout: 1_000 }), status.NOT_FOUND, /\S/);
  });

  it('answers NOT_FOUND for a key beyond what the engine issues', async () => {
    await rejectsWith(zbc.completeJob({ jobKey: '9223372036854775807', variables: {} }), status.NOT_FOUND, /\S/);
  });

  it('fails a job with retries left: it can be activated again with the new retries', async () => {
    const { job, jobType } = await activatedJob();
    await zbc.failJob({ jobKey: job.key, retries: 2, errorMessage: 'try again', retryBackOff: 0 });
    const [again] = await zbc.activateJobs({
      type: jobType,
      worker: 'w',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    expect(again).toMatchObject({ key: job.key, retries: 2 });
  });

  it('throws an error on a job', async () => {
    const { job } = await activatedJob();
    await zbc.throwError({ jobKey: job.key, errorCode: 'NO_CREDIT', errorMessage: 'no' });
  });

  it('updates retries (and rejects retries < 1) and the timeout', async () => {
    const { job } = await activatedJob();
    await zbc.updateJobRetries({ jobKey: job.key, retries: 5 });
    await rejectsWith(zbc.updateJobRetries({ jobKey: job.key, retries: 0 }), status.INVALID_ARGUMENT, 'retries');
    await zbc.updateJobTimeout({ jobKey: job.key, timeout: 120_000 });
  });
});

describe('ResolveIncident', () => {
  it('answers NOT_FOUND for an unknown incident', async () => {
    await rejectsWith(zbc.resolveIncident({ incidentKey: '2251799813999999' }), status.NOT_FOUND, /\S/);
  });
});

describe('PublishMessage and BroadcastSignal', () => {
  it('publishes a message and broadcasts a signal, echoing the default tenant', async () => {
    const message = await zbc.publishMessage({
      name: unique('msg'),
      correlationKey: 'k-1',
      variables: {},
      timeToLive: 0,
    });
    expect(message).toMatchObject({ key: expect.stringMatching(/^\d+$/), tenantId: '<default>' });
    const signal = await zbc.broadcastSignal({ signalName: unique('signal') });
    expect(signal).toMatchObject({ key: expect.stringMatching(/^\d+$/), tenantId: '<default>' });
  });

  it('rejects another tenant', async () => {
    const publishing = zbc.publishMessage({ name: 'm', correlationKey: 'k', variables: {}, tenantId: 'acme' });
    await rejectsWith(publishing, status.INVALID_ARGUMENT, 'multi-tenancy is disabled');
  });
});

describe('EvaluateDecision', () => {
  it('answers NOT_FOUND for a decision that is not deployed, naming it', async () => {
    await rejectsWith(
      zbc.evaluateDecision({ decisionId: 'not-deployed', variables: {} }),
      status.NOT_FOUND,
      "no decision found for id 'not-deployed'",
    );
  });
});

describe('instance modification and migration', () => {
  it('answer NOT_FOUND for an instance that does not exist, naming it', async () => {
    await rejectsWith(
      zbc.modifyProcessInstance({ processInstanceKey: '1', activateInstructions: [] }),
      status.NOT_FOUND,
      "running process instance with key '1'",
    );
    await rejectsWith(
      zbc.migrateProcessInstance({
        processInstanceKey: '1',
        migrationPlan: { targetProcessDefinitionKey: '1', mappingInstructions: [] },
      }),
      status.NOT_FOUND,
      "running process instance with key '1'",
    );
  });
});
