/**
 * Execution listeners and task listeners (Camunda 8.6+ / 8.8 docs: concepts/execution-listeners,
 * concepts/user-task-listeners), through @camunda8/sdk over gRPC and the REST gateway. Execution listeners are
 * jobs of kind EXECUTION_LISTENER that hold up an element's activation (after its input mappings) or completion
 * (after its output mappings); task listeners are jobs of kind TASK_LISTENER that hold up a user task's
 * assigning or completing, may correct its fields or deny the transition, and the caller waits for them.
 */
import { CamundaRestClient, type Zeebe } from '@camunda8/sdk';
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  activateNow,
  openIncidents,
  recordsOf,
  useEngine,
  waitForCompletion,
  waitForIncident,
} from './engine-kit';
import { bpmn, chain, endEvent, ioMapping, rootVariables, serviceTask, startEvent } from '../events/event-kit';
import { sdkClient, unique } from '../grpc/grpc-test-clients';
import { startEngineProcess, freshSqliteUrl, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { activateRest as activateListenerJob, executionListeners, restCall, taskListeners } from './listener-kit';

const h = useEngine();

type Variables = Parameters<Zeebe.ZeebeGrpcClient['completeJob']>[0]['variables'];

const complete = (zbc: Zeebe.ZeebeGrpcClient, job: { key: string }, variables: Variables = {}) =>
  zbc.completeJob({ jobKey: job.key, variables });

async function deployAndStart(processId: string, xml: Buffer, variables: Variables = {}) {
  await h.zbc.deployResource({ name: `${processId}.bpmn`, process: xml });
  const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables });
  return instance.processInstanceKey;
}

describe('execution listeners', () => {
  it('run start listeners after the input mappings and before the job, end listeners after the output mappings', async () => {
    const id = unique('el-order');
    const [startA, startB, end, work] = [unique('start-a'), unique('start-b'), unique('end'), unique('work')];
    const task = serviceTask(
      'task',
      work,
      `${ioMapping({ x: '=base + 1' }, { out: '=x + fromStart' })}${executionListeners(['start', startA], ['start', startB], ['end', end])}`,
    );
    const pi = await deployAndStart(
      id,
      bpmn(id, `${startEvent()}${task}${endEvent()}${chain('start', 'task', 'end')}`),
      {
        base: 1,
      },
    );

    const first = await activateJob(h.zbc, startA);
    expect(first.variables).toMatchObject({ base: 1, x: 2 }); // the input mapping is applied first
    expect(await activateNow(h.zbc, work)).toHaveLength(0); // the element's own job waits for its listeners
    await complete(h.zbc, first, { fromStart: 10 });
    const second = await activateJob(h.zbc, startB);
    expect(second.variables).toMatchObject({ fromStart: 10 }); // the next listener sees what the first set
    await complete(h.zbc, second);

    const job = await activateJob(h.zbc, work);
    await complete(h.zbc, job);
    const endJob = await activateJob(h.zbc, end);
    expect(endJob.variables).toMatchObject({ out: 12 }); // the output mapping is applied before
    await complete(h.zbc, endJob, { fromEnd: true });
    await waitForCompletion(h.engine, pi);

    const root = await rootVariables(h.engine, pi);
    // Start listener variables are the element's locals; end listener variables reach the flow scope.
    expect(root).toMatchObject({ out: 12, fromEnd: true });
    expect(root).not.toHaveProperty('fromStart');
    const created = (await recordsOf(h.engine, pi)).filter((r) => r.valueType === 'JOB' && r.intent === 'CREATED');
    expect(created.map((r) => [r.value.type, r.value.kind, r.value.listenerEventType ?? 'UNSPECIFIED'])).toEqual([
      [startA, 'EXECUTION_LISTENER', 'START'],
      [startB, 'EXECUTION_LISTENER', 'START'],
      [work, undefined, 'UNSPECIFIED'],
      [end, 'EXECUTION_LISTENER', 'END'],
    ]);
  });

  it('runs the process start listener before the start event, and a gateway start listener decides its path', async () => {
    const id = unique('el-process');
    const [processStart, gatewayStart, processEnd] = [unique('p-start'), unique('g-start'), unique('p-end')];
    const body = `<bpmn:extensionElements>${executionListeners(['start', processStart], ['end', processEnd])}</bpmn:extensionElements>
      ${startEvent()}
      <bpmn:exclusiveGateway id="gw" default="gw_low"><bpmn:extensionElements>${executionListeners(['start', gatewayStart])}</bpmn:extensionElements></bpmn:exclusiveGateway>
      <bpmn:sequenceFlow id="gw_high" sourceRef="gw" targetRef="high"><bpmn:conditionExpression>=score &gt; 50</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="gw_low" sourceRef="gw" targetRef="low" />
      ${endEvent('high')}${endEvent('low')}${chain('start', 'gw')}`;
    const pi = await deployAndStart(id, bpmn(id, body));

    const processJob = await activateJob(h.zbc, processStart);
    expect(processJob.elementId).toBe(id);
    const before = await recordsOf(h.engine, pi);
    expect(before.some((r) => r.value.elementId === 'start')).toBe(false); // nothing ran inside the process yet
    await complete(h.zbc, processJob, { region: 'east' });
    const gatewayJob = await activateJob(h.zbc, gatewayStart);
    expect(gatewayJob.variables).toMatchObject({ region: 'east' });
    await complete(h.zbc, gatewayJob, { score: 80 });
    const endJob = await activateJob(h.zbc, processEnd);
    await complete(h.zbc, endJob, { closed: true });
    await waitForCompletion(h.engine, pi);

    const completed = (await recordsOf(h.engine, pi))
      .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED')
      .map((r) => r.value.elementId);
    expect(completed).toEqual(['start', 'gw', 'high', id]);
    // The gateway listener's score is a local of the gateway (where its condition reads it), not a root variable.
    const root = await rootVariables(h.engine, pi);
    expect(root).toMatchObject({ region: 'east', closed: true });
    expect(root).not.toHaveProperty('score');
  });

  it('raises an incident when a listener job fails with no retries; resolving it runs only that listener again', async () => {
    const id = unique('el-incident');
    const [first, second, work] = [unique('first'), unique('second'), unique('work')];
    const task = serviceTask('task', work, executionListeners(['start', first], ['start', second, 1]));
    const pi = await deployAndStart(
      id,
      bpmn(id, `${startEvent()}${task}${endEvent()}${chain('start', 'task', 'end')}`),
    );

    await complete(h.zbc, await activateJob(h.zbc, first));
    const failing = await activateJob(h.zbc, second);
    await h.zbc.failJob({ jobKey: failing.key, errorMessage: 'CRM not reachable', retries: 0, retryBackOff: 0 });
    const incident = await waitForIncident(h.engine, pi);
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'CRM not reachable',
      elementId: 'task',
    });
    expect(incident.jobKey).toBe(failing.key);

    await h.zbc.updateJobRetries({ jobKey: failing.key, retries: 1 });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await complete(h.zbc, await activateJob(h.zbc, second));
    await complete(h.zbc, await activateJob(h.zbc, work));
    await waitForCompletion(h.engine, pi);
    expect(await openIncidents(h.engine, pi)).toHaveLength(0);
    const firstRuns = (await recordsOf(h.engine, pi)).filter(
      (r) => r.valueType === 'JOB' && r.intent === 'CREATED' && r.value.type === first,
    );
    expect(firstRuns).toHaveLength(1); // the listener that had completed did not run again
  });

  it('rejects throwing a BPMN error from a listener job, and cancels the listener job with its element', async () => {
    const id = unique('el-cancel');
    const listener = unique('listener');
    const task = serviceTask('task', unique('work'), executionListeners(['start', listener]));
    const pi = await deployAndStart(
      id,
      bpmn(id, `${startEvent()}${task}${endEvent()}${chain('start', 'task', 'end')}`),
    );
    const job = await activateJob(h.zbc, listener);
    await expect(h.zbc.throwError({ jobKey: job.key, errorCode: 'X', errorMessage: 'no' })).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
    });
    await h.zbc.cancelProcessInstance(pi);
    await expect(complete(h.zbc, job)).rejects.toMatchObject({ code: status.NOT_FOUND });
    const canceled = (await recordsOf(h.engine, pi)).filter((r) => r.valueType === 'JOB' && r.intent === 'CANCELED');
    expect(canceled.map((r) => String(r.key))).toEqual([job.key]);
  });

  it.each([
    [
      'a start listener on a start event',
      `<bpmn:startEvent id="start"><bpmn:extensionElements>${executionListeners(['start', 'x'])}</bpmn:extensionElements></bpmn:startEvent>${endEvent()}${chain('start', 'end')}`,
      'cannot have start execution listeners',
    ],
    [
      'an end listener on a gateway',
      `${startEvent()}<bpmn:parallelGateway id="gw"><bpmn:extensionElements>${executionListeners(['end', 'x'])}</bpmn:extensionElements></bpmn:parallelGateway>${endEvent()}${chain('start', 'gw', 'end')}`,
      'cannot have end execution listeners',
    ],
    [
      'two listeners with the same event type and job type',
      `${startEvent()}${serviceTask('task', 'w', executionListeners(['start', 'x'], ['start', 'x']))}${endEvent()}${chain('start', 'task', 'end')}`,
      'must have unique event type and job type',
    ],
    [
      'a task listener on a job-based user task',
      `${startEvent()}<bpmn:userTask id="task"><bpmn:extensionElements>${taskListeners(['completing', 'x'])}</bpmn:extensionElements></bpmn:userTask>${endEvent()}${chain('start', 'task', 'end')}`,
      'only supported on a Camunda user task',
    ],
  ])('refuses to deploy %s', async (_what, body, message) => {
    const id = unique('el-invalid');
    const deployment = h.zbc.deployResource({ name: `${id}.bpmn`, process: bpmn(id, body) });
    await expect(deployment).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(deployment).rejects.toThrow(message);
  });
});

describe('task listeners', () => {
  let rest: CamundaRestClient;
  beforeAll(() => {
    rest = new CamundaRestClient({
      config: { ZEEBE_REST_ADDRESS: h.engine.restAddress, ...h.engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
    });
  });

  const call = (method: string, path: string, body?: unknown) => restCall(h.engine, method, path, body);
  const activateRest = (type: string) => activateListenerJob(h.engine, type);

  async function startTask(assigning: string, completing: string) {
    const id = unique('tl');
    const task = `<bpmn:userTask id="task"><bpmn:extensionElements><zeebe:userTask /><zeebe:priorityDefinition priority="30" />${taskListeners(['assigning', assigning], ['completing', completing])}</bpmn:extensionElements></bpmn:userTask>`;
    const pi = await deployAndStart(
      id,
      bpmn(id, `${startEvent()}${task}${endEvent()}${chain('start', 'task', 'end')}`),
    );
    const record = await waitFor(async () =>
      (await recordsOf(h.engine, pi)).find((r) => r.valueType === 'USER_TASK' && r.intent === 'CREATED'),
    );
    return { pi, userTaskKey: String(record.key) };
  }

  it('holds the assignment until the listener completes, with the corrections it makes', async () => {
    const [assigning, completing] = [unique('assigning'), unique('completing')];
    const { userTaskKey } = await startTask(assigning, completing);
    let answered = false;
    const assignment = rest.assignUserTask({ userTaskKey, assignee: 'anna' }).then(() => (answered = true));

    const job = await activateRest(assigning);
    expect(job).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'ASSIGNING' });
    expect(job.userTask).toMatchObject({
      assignee: 'anna',
      priority: 30,
      userTaskKey,
      changedAttributes: ['assignee'],
    });
    expect(answered).toBe(false);
    expect((await rest.getUserTask(userTaskKey)).state).toBe('ASSIGNING');

    const done = await call('POST', `/jobs/${String(job.jobKey)}/completion`, {
      result: { type: 'userTask', corrections: { priority: 80, candidateGroups: ['dispatch'] } },
    });
    expect(done.status).toBe(204);
    await assignment;
    const task = await rest.getUserTask(userTaskKey);
    expect(task).toMatchObject({ state: 'CREATED', assignee: 'anna', priority: 80, candidateGroups: ['dispatch'] });
  });

  it('rejects the completion a listener denies, leaving the task as it was; completes it when the listener agrees', async () => {
    const [assigning, completing] = [unique('assigning'), unique('completing')];
    const { pi, userTaskKey } = await startTask(assigning, completing);

    const denied = rest.completeUserTask({ userTaskKey, variables: { approved: false } });
    const firstJob = await activateRest(completing);
    expect(firstJob).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'COMPLETING' });
    const withVariables = await call('POST', `/jobs/${String(firstJob.jobKey)}/completion`, { variables: { a: 1 } });
    expect(withVariables.status).toBe(400); // task listener jobs take no variables
    await call('POST', `/jobs/${String(firstJob.jobKey)}/completion`, {
      result: { denied: true, deniedReason: 'the meter reading is missing', corrections: { priority: 99 } },
    });
    await expect(denied).rejects.toThrow(/denied by a task listener.*meter reading is missing/);
    expect(await rest.getUserTask(userTaskKey)).toMatchObject({ state: 'CREATED', priority: 30 });

    const accepted = rest.completeUserTask({ userTaskKey, variables: { approved: true } });
    const secondJob = await activateRest(completing);
    await call('POST', `/jobs/${String(secondJob.jobKey)}/completion`, {});
    await accepted;
    await waitForCompletion(h.engine, pi);
    expect(await rootVariables(h.engine, pi)).toMatchObject({ approved: true });
    const intents = (await recordsOf(h.engine, pi)).filter((r) => r.valueType === 'USER_TASK').map((r) => r.intent);
    expect(intents).toEqual(['CREATING', 'CREATED', 'COMPLETING', 'COMPLETION_DENIED', 'COMPLETING', 'COMPLETED']);
  });
});

describe('listener jobs across a restart', () => {
  let engine: EngineProcess | undefined;
  afterEach(async () => {
    await engine?.stop();
  });

  it('keeps a waiting execution listener job and the element behind it', async () => {
    const databaseUrl = freshSqliteUrl();
    engine = await startEngineProcess({ databaseUrl });
    let zbc = sdkClient(engine);
    const id = unique('el-restart');
    const [listener, work] = [unique('listener'), unique('work')];
    const task = serviceTask('task', work, executionListeners(['start', listener], ['end', unique('never')]));
    await zbc.deployResource({
      name: `${id}.bpmn`,
      process: bpmn(id, `${startEvent()}${task}${endEvent()}${chain('start', 'task', 'end')}`),
    });
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: id, variables: {} });
    await waitFor(async () =>
      (await recordsOf(engine!, processInstanceKey)).some((r) => r.valueType === 'JOB' && r.value.type === listener),
    );
    await zbc.close();
    await engine.kill();

    engine = await startEngineProcess({ databaseUrl });
    zbc = sdkClient(engine);
    try {
      const job = await activateJob(zbc, listener);
      await complete(zbc, job, { checked: true });
      const workJob = await activateJob(zbc, work);
      expect(workJob.variables).toMatchObject({ checked: true });
    } finally {
      await zbc.close();
    }
  });
});
