/**
 * The deprecated `zeebe-node` client (superseded by @camunda8/sdk, still used by existing programs) as a third
 * client: it connects without TLS, deploys, runs a worker and awaits an instance's result.
 */
import { ZBClient } from 'zeebe-node';
import { completedElements, instanceCompleted, terminatedElements } from '../engine/engine-kit';
import {
  bpmn,
  boundaryEvent,
  chain,
  conditionalDefinition,
  endEvent,
  flow,
  serviceTask,
  startEvent,
} from '../events/event-kit';
import { processXml, unique } from '../grpc/grpc-test-clients';
import { waitFor } from '../support/wait-for';
import { readRecords } from '../support/engine-records';
import { listenerProcessXml } from '../engine/listener-kit';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';

let engine: EngineProcess;
let zbc: ZBClient;

beforeAll(async () => {
  engine = await startEngineProcess();
  const auth = engine.auth!;
  zbc = new ZBClient(`127.0.0.1:${engine.grpcPort}`, {
    useTLS: false,
    loglevel: 'NONE',
    retry: false,
    oAuth: {
      url: auth.tokenUrl,
      audience: 'zeebe.camunda.io',
      clientId: auth.clientId,
      clientSecret: auth.clientSecret,
      cacheOnDisk: false,
    },
  });
});

afterAll(async () => {
  await zbc?.close();
  await engine?.stop();
});

const userTaskIntents = async (processInstanceKey: string) =>
  (await readRecords(engine.databaseUrl))
    .filter((r) => r.valueType === 'USER_TASK' && String(r.processInstanceKey) === processInstanceKey)
    .map((r) => r.intent);

describe('zeebe-node client', () => {
  it('reads the topology', async () => {
    const topology = await zbc.topology();
    expect(topology.brokers).toHaveLength(1);
    expect(topology.brokers[0].partitions[0]).toMatchObject({ role: 'LEADER' });
  });

  it('deploys, and creates an instance whose result a worker produced', async () => {
    const processId = unique('zeebe-node');
    const jobType = unique('zeebe-node-job');
    const deployment = await zbc.deployResource({ name: `${processId}.bpmn`, process: processXml(processId, jobType) });
    expect(deployment.deployments[0].process).toMatchObject({ bpmnProcessId: processId, version: 1 });

    const seen: Array<{ variables: unknown; headers: unknown }> = [];
    const worker = zbc.createWorker<{ n: number }, Record<string, string>, { doubled: number }>({
      taskType: jobType,
      timeout: 30_000,
      taskHandler: (job) => {
        seen.push({ variables: job.variables, headers: job.customHeaders });
        return job.complete({ doubled: job.variables.n * 2 });
      },
    });
    try {
      const result = await zbc.createProcessInstanceWithResult<{ n: number }, { n: number; doubled: number }>({
        bpmnProcessId: processId,
        variables: { n: 21 },
        requestTimeout: 20_000,
      });
      expect(result).toMatchObject({
        bpmnProcessId: processId,
        version: 1,
        processInstanceKey: expect.stringMatching(/^\d+$/),
      });
      expect(result.variables).toEqual({ n: 21, doubled: 42 });
      expect(seen).toEqual([{ variables: { n: 21 }, headers: { region: '华东' } }]);
    } finally {
      await worker.close();
    }
  });

  it('deploys with the deprecated deployProcess and creates an instance by id', async () => {
    const processId = unique('zeebe-node-legacy');
    const deployed = await zbc.deployProcess({ name: `${processId}.bpmn`, definition: processXml(processId) });
    expect(deployed.processes).toEqual([expect.objectContaining({ bpmnProcessId: processId, version: 1 })]);
    const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: { a: 1 } });
    expect(instance.processInstanceKey).toMatch(/^\d+$/);
  });

  it('sets a variable that fires a conditional boundary event, which cancels the task', async () => {
    const processId = unique('zeebe-node-cond');
    const jobType = unique('zeebe-node-cond-job');
    await zbc.deployResource({
      name: `${processId}.bpmn`,
      process: bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${boundaryEvent('stop', 'task', conditionalDefinition('=停止'))}
         ${endEvent('done')}${endEvent('stopped')}${chain('start', 'task', 'done')}${flow('stop', 'stopped')}`,
      ),
    });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 停止: false } });
    await zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { 停止: true },
      local: false,
    });
    await waitFor(() => instanceCompleted(engine, instance.processInstanceKey), { description: 'the instance to end' });
    expect(await terminatedElements(engine, instance.processInstanceKey)).toEqual(['task']);
    expect(await completedElements(engine, instance.processInstanceKey)).toContain('stopped');
  });

  it('runs workers for an execution listener and a task listener; their jobs complete like any other', async () => {
    const types = { start: unique('zn-el'), work: unique('zn-work'), creating: unique('zn-tl') };
    const processId = unique('zeebe-node-listeners');
    await zbc.deployResource({ name: `${processId}.bpmn`, process: listenerProcessXml(processId, types) });
    const seen: Array<{ type: string; elementId: string; headers: Record<string, string> }> = [];
    const workerFor = (type: string, variables: Record<string, unknown>) =>
      zbc.createWorker({
        taskType: type,
        timeout: 30_000,
        taskHandler: (job) => {
          seen.push({ type: job.type, elementId: job.elementId, headers: job.customHeaders as Record<string, string> });
          return job.complete(variables);
        },
      });
    const workers = [
      workerFor(types.start, { checked: true }),
      workerFor(types.work, {}),
      // A task listener job takes no variables: zeebe-node completes it with an empty document.
      workerFor(types.creating, {}),
    ];
    try {
      const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
      await waitFor(async () => (await userTaskIntents(instance.processInstanceKey)).includes('ASSIGNED'), {
        description: 'the user task to be created and assigned',
      });
      expect(seen.map(({ type, elementId }) => [type, elementId])).toEqual([
        [types.start, 'svc'],
        [types.work, 'svc'],
        [types.creating, 'task'],
      ]);
      expect(seen[2].headers).toMatchObject({ 'io.camunda.zeebe:assignee': 'anna' });
      expect(await userTaskIntents(instance.processInstanceKey)).toEqual([
        'CREATING',
        'CREATED',
        'ASSIGNING',
        'ASSIGNED',
      ]);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  });

  it('surfaces a NOT_FOUND from the engine as a rejected promise', async () => {
    await expect(zbc.createProcessInstance({ bpmnProcessId: unique('missing'), variables: {} })).rejects.toMatchObject({
      code: 5,
    });
  });
});
