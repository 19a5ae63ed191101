/**
 * The engine's management port (ENGINE_MONITORING_PORT, Zeebe's 9600): Prometheus metrics under Zeebe's names at
 * /actuator/prometheus, counted from what the engine really did (instances, jobs, elements, incidents, requests,
 * latency), requests dropped by backpressure counted one for one with the 503s clients saw, and the health probes.
 */
import type { Zeebe } from '@camunda8/sdk';
import { sdkClient, unique } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { bpmn, chain, endEvent, serviceTask, startEvent } from '../events/event-kit';
import { activateJobs, waitForIncident } from './engine-kit';

jest.setTimeout(120_000);

/** The value of one sample in a Prometheus text exposition, 0 when the series is absent. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return 0;
}

async function scrape(engine: EngineProcess): Promise<string> {
  const answer = await fetch(`${engine.monitoringAddress}/actuator/prometheus`);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toContain('text/plain');
  return answer.text();
}

async function deployOneTask(zbc: Zeebe.ZeebeGrpcClient, processId: string, jobType: string): Promise<void> {
  const body = chain('start', 'work', 'end');
  const xml = bpmn(processId, `${startEvent()}${serviceTask('work', jobType)}${endEvent()}${body}`);
  await zbc.deployResource({ name: `${processId}.bpmn`, process: xml });
}

describe('metrics of a working engine', () => {
  let engine: EngineProcess;
  let zbc: Zeebe.ZeebeGrpcClient;
  beforeAll(async () => {
    engine = await startEngineProcess();
    zbc = sdkClient(engine);
  });
  afterAll(async () => {
    await zbc?.close();
    await engine?.stop();
  });

  test('count instances, jobs, elements and incidents as the log has them, with latency and limits', async () => {
    const processId = unique('metrics');
    const jobType = unique('metrics-work');
    await deployOneTask(zbc, processId, jobType);
    const instances = [];
    for (let i = 0; i < 3; i++)
      instances.push(await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} }));
    const jobs = await activateJobs(zbc, jobType, 3);
    await zbc.completeJob({ jobKey: jobs[0].key, variables: {} });
    await zbc.completeJob({ jobKey: jobs[1].key, variables: {} });
    await zbc.failJob({ jobKey: jobs[2].key, retries: 0, errorMessage: 'no meter data', retryBackOff: 0 });
    await waitForIncident(engine, jobs[2].processInstanceKey);

    const text = await waitFor(
      async () => {
        const scraped = await scrape(engine);
        return sample(scraped, 'zeebe_executed_instances_total', { action: 'completed' }) === 2 ? scraped : undefined;
      },
      { description: 'two completed instances in the metrics' },
    );
    const root = { type: 'ROOT_PROCESS_INSTANCE', partition: '1' };
    expect(sample(text, 'zeebe_executed_instances_total', { ...root, action: 'activated' })).toBe(3);
    expect(sample(text, 'zeebe_executed_instances_total', { ...root, action: 'completed' })).toBe(2);
    expect(sample(text, 'zeebe_element_instance_events_total', { action: 'activated', type: 'SERVICE_TASK' })).toBe(3);
    expect(sample(text, 'zeebe_element_instance_events_total', { action: 'completed', type: 'SERVICE_TASK' })).toBe(2);
    const job = (action: string) => sample(text, 'zeebe_job_events_total', { action, type: jobType, partition: '1' });
    expect([job('created'), job('activated'), job('completed'), job('failed')]).toEqual([3, 3, 2, 1]);
    expect(sample(text, 'zeebe_incident_events_total', { action: 'created' })).toBe(1);
    expect(sample(text, 'zeebe_pending_incidents_total', { partition: '1' })).toBe(1);
    expect(sample(text, 'zeebe_received_request_count_total', { requestType: 'CREATE_INSTANCE' })).toBe(3);
    expect(sample(text, 'zeebe_dropped_request_count_total', { requestType: 'CREATE_INSTANCE' })).toBe(0);
    expect(sample(text, 'zeebe_backpressure_requests_limit', { partition: '1' })).toBe(10_000);
    const processed = sample(text, 'zeebe_stream_processor_records_total', { action: 'processed' });
    // deploy, three creations, at least one activation, two completions, one failure
    expect(processed).toBeGreaterThanOrEqual(1 + 3 + 1 + 2 + 1);
    expect(sample(text, 'zeebe_stream_processor_records_total', { action: 'written' })).toBeGreaterThan(processed);
    expect(sample(text, 'zeebe_stream_processor_latency_count', { partition: '1' })).toBe(processed);
    // the process's own figures beside the engine's
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  test('health probes answer UP without credentials and say how the gateways are guarded; nothing else here', async () => {
    const health = await fetch(`${engine.monitoringAddress}/actuator/health`);
    expect(await health.json()).toEqual({
      status: 'UP',
      components: { gateway: { status: 'UP', details: { auth: 'oauth', tls: false } } },
    });
    for (const path of ['/actuator/health/readiness', '/actuator/health/liveness']) {
      const answer = await fetch(`${engine.monitoringAddress}${path}`);
      expect([path, answer.status, await answer.json()]).toEqual([path, 200, { status: 'UP' }]);
    }
    expect((await fetch(`${engine.monitoringAddress}/v2/topology`)).status).toBe(404);
    expect((await fetch(`${engine.monitoringAddress}/actuator/prometheus`, { method: 'POST' })).status).toBe(405);
  });
});

test('requests dropped by backpressure are counted one for one with the 503s the clients saw', async () => {
  const engine = await startEngineProcess({ env: { ENGINE_MAX_QUEUED_COMMANDS: '2' } });
  const zbc = sdkClient(engine);
  try {
    const processId = unique('metrics-burst');
    await deployOneTask(zbc, processId, unique('metrics-burst-work'));
    const headers = { 'content-type': 'application/json', ...(await engine.authHeaders()) };
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const answer = await fetch(`${engine.restAddress}/v2/process-instances`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ processDefinitionId: processId }),
        });
        await answer.arrayBuffer();
        return answer.status;
      }),
    );
    const refused = statuses.filter((status) => status === 503).length;
    expect(refused).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 503 && status !== 200)).toEqual([]);
    const text = await scrape(engine);
    expect(sample(text, 'zeebe_dropped_request_count_total', { requestType: 'CREATE_INSTANCE' })).toBe(refused);
    expect(sample(text, 'zeebe_received_request_count_total', { requestType: 'CREATE_INSTANCE' })).toBe(100);
    expect(sample(text, 'zeebe_executed_instances_total', { action: 'activated' })).toBe(100 - refused);
    expect(sample(text, 'zeebe_backpressure_requests_limit')).toBe(2);
  } finally {
    await zbc.close();
    await engine.stop();
  }
});
