/**
 * The `creating` and `canceling` task listeners (Camunda 8.8 docs: concepts/user-task-listeners), through
 * @camunda8/sdk and the REST gateway. Creating holds the element in ACTIVATING and the task in CREATING until its
 * listeners complete; an assignee the process gives is assigned after creation (with the assigning listeners).
 * Canceling holds the element in TERMINATING and the task in CANCELING. Neither may be denied; both may correct.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import { status } from '@grpc/grpc-js';
import { activateJob, recordsOf, useEngine, waitForIncident, type LoggedRecord } from './engine-kit';
import {
  bpmn,
  boundaryEvent,
  chain,
  endEvent,
  eventSubProcess,
  flow,
  signalDefinition,
  startEvent,
} from '../events/event-kit';
import { waitFor } from '../support/wait-for';
import { activateRest, completeRest, executionListeners, taskListeners } from './listener-kit';
import { runOnProjections, search } from '../query/query-kit';
import { sdkClient, unique } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';

const h = useEngine();
let rest: CamundaRestClient;
beforeAll(() => {
  rest = new CamundaRestClient({
    config: { ZEEBE_REST_ADDRESS: h.engine.restAddress, ...h.engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
  });
});

/** Deploys one user task with the given assignee expression and listeners, starts it, answers the instance key. */
async function startTask(assignee: string | undefined, ...listeners: Array<[string, string, number?]>) {
  const id = unique('tl-events');
  const assignment = assignee ? `<zeebe:assignmentDefinition assignee="${assignee}" />` : '';
  const task = `<bpmn:userTask id="task"><bpmn:extensionElements><zeebe:userTask />${assignment}<zeebe:priorityDefinition priority="30" />${taskListeners(...listeners)}</bpmn:extensionElements></bpmn:userTask>`;
  await h.zbc.deployResource({
    name: `${id}.bpmn`,
    process: bpmn(id, `${startEvent()}${task}${endEvent()}${chain('start', 'task', 'end')}`),
  });
  const { processInstanceKey } = await h.zbc.createProcessInstance({ bpmnProcessId: id, variables: {} });
  return processInstanceKey;
}

/** The instance's user-task intents and the task element's lifecycle intents, in record order. */
async function lifecycle(pi: string): Promise<string[]> {
  const records = await recordsOf(h.engine, pi);
  return records
    .filter(
      (r: LoggedRecord) =>
        r.valueType === 'USER_TASK' || (r.valueType === 'PROCESS_INSTANCE' && r.value.elementId === 'task'),
    )
    .map((r) => (r.valueType === 'USER_TASK' ? r.intent : `task:${r.intent}`));
}

const userTaskKeyOf = async (pi: string) =>
  waitFor(async () => {
    const record = (await recordsOf(h.engine, pi)).find((r) => r.valueType === 'USER_TASK');
    return record && String(record.key);
  });

describe('creating listeners', () => {
  it('hold the task in CREATING, correct it, and the assignee the process gives follows through assigning', async () => {
    const [creating, assigning] = [unique('creating'), unique('assigning')];
    const pi = await startTask('anna', ['creating', creating], ['assigning', assigning]);
    const userTaskKey = await userTaskKeyOf(pi);

    const job = await activateRest(h.engine, creating);
    expect(job).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'CREATING' });
    // The creating listener sees the assignee the process gives, and may not change it.
    expect(job.userTask).toMatchObject({ assignee: 'anna', priority: 30, userTaskKey });
    expect((await rest.getUserTask(userTaskKey)).state).toBe('CREATING');
    await expect(rest.assignUserTask({ userTaskKey, assignee: 'bob' })).rejects.toThrow(/409|state 'CREATING'/);
    const denied = await completeRest(h.engine, job, { result: { denied: true } });
    expect(denied.status).toBe(400);
    expect(String(denied.body.detail)).toContain("Denying result is not supported for 'CREATING' task listener jobs");
    const reassigned = await completeRest(h.engine, job, { result: { corrections: { assignee: 'bob' } } });
    expect(reassigned.status).toBe(400);
    expect(String(reassigned.body.detail)).toContain('correct it in an assigning listener');

    expect((await completeRest(h.engine, job, { result: { corrections: { priority: 70 } } })).status).toBe(204);
    const assigningJob = await activateRest(h.engine, assigning);
    expect(assigningJob.userTask).toMatchObject({ assignee: 'anna', priority: 70, changedAttributes: ['assignee'] });
    expect((await rest.getUserTask(userTaskKey)).state).toBe('ASSIGNING');
    await completeRest(h.engine, assigningJob);

    await waitFor(async () => (await rest.getUserTask(userTaskKey)).state === 'CREATED');
    expect(await rest.getUserTask(userTaskKey)).toMatchObject({ assignee: 'anna', priority: 70 });
    expect(await lifecycle(pi)).toEqual([
      'task:ELEMENT_ACTIVATING',
      'CREATING',
      'CORRECTED',
      'CREATED',
      'task:ELEMENT_ACTIVATED',
      'ASSIGNING',
      'ASSIGNED',
    ]);
  });

  it('may set the assignee when the process gives none; no assigning listener runs then', async () => {
    const [creating, assigning] = [unique('creating'), unique('assigning')];
    const pi = await startTask(undefined, ['creating', creating], ['assigning', assigning]);
    const userTaskKey = await userTaskKeyOf(pi);
    const job = await activateRest(h.engine, creating);
    expect((job.userTask as Record<string, unknown>).assignee).toBeNull(); // the process gives none
    await completeRest(h.engine, job, { result: { corrections: { assignee: 'carla' } } });

    await waitFor(async () => (await rest.getUserTask(userTaskKey)).state === 'CREATED');
    expect((await rest.getUserTask(userTaskKey)).assignee).toBe('carla');
    expect(await lifecycle(pi)).toEqual([
      'task:ELEMENT_ACTIVATING',
      'CREATING',
      'CORRECTED',
      'CREATED',
      'task:ELEMENT_ACTIVATED',
    ]);
  });

  it('raises an incident when the listener job fails for good; resolving it creates the task', async () => {
    const creating = unique('creating');
    const pi = await startTask(undefined, ['creating', creating, 1]);
    const job = await activateJob(h.zbc, creating);
    await h.zbc.failJob({ jobKey: job.key, errorMessage: 'directory down', retries: 0, retryBackOff: 0 });
    const incident = await waitForIncident(h.engine, pi);
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', elementId: 'task', jobKey: job.key });

    await h.zbc.updateJobRetries({ jobKey: job.key, retries: 1 });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await h.zbc.completeJob({ jobKey: (await activateJob(h.zbc, creating)).key, variables: {} });
    await waitFor(async () => (await lifecycle(pi)).includes('task:ELEMENT_ACTIVATED'));
  });
});

describe('canceling listeners', () => {
  it('run when the process instance is canceled: the task waits in CANCELING, may be corrected, not denied', async () => {
    const canceling = unique('canceling');
    const pi = await startTask('dora', ['canceling', canceling]);
    const userTaskKey = await userTaskKeyOf(pi);
    await waitFor(async () => (await lifecycle(pi)).includes('ASSIGNED'));
    await h.zbc.cancelProcessInstance(pi);

    const job = await activateRest(h.engine, canceling);
    expect(job).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'CANCELING' });
    expect(job.userTask).toMatchObject({ assignee: 'dora', userTaskKey });
    expect((await rest.getUserTask(userTaskKey)).state).toBe('CANCELING');
    const denied = await completeRest(h.engine, job, { result: { denied: true, deniedReason: 'keep it' } });
    expect(denied.status).toBe(400);
    expect(String(denied.body.detail)).toContain("Denying result is not supported for 'CANCELING' task listener jobs");

    expect((await completeRest(h.engine, job, { result: { corrections: { priority: 5 } } })).status).toBe(204);
    await waitFor(async () => (await lifecycle(pi)).includes('CANCELED'));
    const records = await recordsOf(h.engine, pi);
    expect(records.find((r) => r.valueType === 'USER_TASK' && r.intent === 'CANCELED')?.value.priority).toBe(5);
    const processEnd = records.filter((r) => r.value.elementId === r.value.bpmnProcessId).map((r) => r.intent);
    expect(processEnd.at(-1)).toBe('ELEMENT_TERMINATED');
    expect((await lifecycle(pi)).slice(-5)).toEqual([
      'task:ELEMENT_TERMINATING',
      'CANCELING',
      'CORRECTED',
      'CANCELED',
      'task:ELEMENT_TERMINATED',
    ]);
  });

  it('do not run when a modification terminates the task (as in Zeebe)', async () => {
    const canceling = unique('canceling');
    const pi = await startTask(undefined, ['canceling', canceling]);
    await waitFor(async () => (await lifecycle(pi)).includes('task:ELEMENT_ACTIVATED'));
    const taskInstance = (await recordsOf(h.engine, pi)).find(
      (r) => r.value.elementId === 'task' && r.intent === 'ELEMENT_ACTIVATED',
    )!;
    await h.zbc.modifyProcessInstance({
      processInstanceKey: pi,
      activateInstructions: [{ elementId: 'end', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
      terminateInstructions: [{ elementInstanceKey: String(taskInstance.key) }],
    });
    await waitFor(async () => (await lifecycle(pi)).includes('task:ELEMENT_TERMINATED'));
    const jobs = (await recordsOf(h.engine, pi)).filter((r) => r.valueType === 'JOB');
    expect(jobs).toHaveLength(0);
  });

  it('refuse to cancel the process instance twice while the listener runs', async () => {
    const canceling = unique('canceling');
    const pi = await startTask(undefined, ['canceling', canceling]);
    await waitFor(async () => (await lifecycle(pi)).includes('task:ELEMENT_ACTIVATED'));
    await h.zbc.cancelProcessInstance(pi);
    const job = await activateJob(h.zbc, canceling);
    await expect(h.zbc.cancelProcessInstance(pi)).rejects.toMatchObject({ code: status.NOT_FOUND });
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitFor(async () => (await lifecycle(pi)).includes('task:ELEMENT_TERMINATED'));
  });
});

describe('an interrupting event waits for the canceling listeners of the task it interrupts', () => {
  const SIGNAL = '<bpmn:signal id="stopSignal" name="stop-it" />';
  const taskWithCanceling = (canceling: string) =>
    `<bpmn:userTask id="task"><bpmn:extensionElements><zeebe:userTask />${taskListeners(['canceling', canceling])}</bpmn:extensionElements></bpmn:userTask>`;

  /** The instance's records as `element:intent` (element lifecycle) and `USER_TASK:intent`, in order. */
  async function trail(pi: string, engine: EngineProcess = h.engine): Promise<string[]> {
    return (await recordsOf(engine, pi))
      .filter((r) => r.valueType === 'USER_TASK' || r.valueType === 'PROCESS_INSTANCE')
      .map((r) => (r.valueType === 'USER_TASK' ? `USER_TASK:${r.intent}` : `${r.value.elementId}:${r.intent}`));
  }

  async function startAndInterrupt(processId: string, xml: Buffer, canceling: string, engine = h.engine) {
    const zbc = engine === h.engine ? h.zbc : sdkClient(engine);
    try {
      await zbc.deployResource({ name: `${processId}.bpmn`, process: xml });
      const { processInstanceKey: pi } = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
      await waitFor(async () => (await trail(pi, engine)).includes('task:ELEMENT_ACTIVATED'));
      await zbc.broadcastSignal({ signalName: 'stop-it', variables: { reason: 'stopped' } });
      const job = await activateRest(engine, canceling);
      return { pi, job };
    } finally {
      if (zbc !== h.zbc) await zbc.close();
    }
  }

  /**
   * Completes the canceling listener's job, waits for the instance to end, and checks that `catcher` was entered
   * only after the task was terminated, went on to `end`, and that the event's variable arrived.
   */
  async function finishAfterListener(
    pi: string,
    processId: string,
    job: Record<string, unknown>,
    catcher: string,
    end: string,
  ) {
    await completeRest(h.engine, job);
    await waitFor(async () => (await trail(pi)).includes(`${processId}:ELEMENT_COMPLETED`));
    const entries = await trail(pi);
    expect(entries.indexOf('task:ELEMENT_TERMINATED')).toBeLessThan(entries.indexOf(`${catcher}:ELEMENT_ACTIVATING`));
    expect(entries).toContain(`${end}:ELEMENT_COMPLETED`);
    const records = await recordsOf(h.engine, pi);
    const reason = records.find((r) => r.valueType === 'VARIABLE' && r.value.name === 'reason');
    expect(reason?.value.value).toBe('"stopped"');
    return records;
  }

  const boundaryModel = (id: string, canceling: string) =>
    bpmn(
      id,
      `${startEvent()}${taskWithCanceling(canceling)}${endEvent()}${endEvent('stopped')}` +
        `${boundaryEvent('stop', 'task', signalDefinition('stopSignal'))}${chain('start', 'task', 'end')}${flow('stop', 'stopped')}`,
      SIGNAL,
    );

  it('a boundary event is activated once the task is terminated, with the event variables', async () => {
    const [id, canceling] = [unique('tl-boundary'), unique('canceling')];
    const { pi, job } = await startAndInterrupt(id, boundaryModel(id, canceling), canceling);

    // The listener runs; the boundary event is not yet entered.
    const { userTaskKey } = job.userTask as { userTaskKey: string };
    expect((await rest.getUserTask(userTaskKey)).state).toBe('CANCELING');
    expect((await trail(pi)).filter((entry) => entry.startsWith('stop:'))).toEqual([]);

    const records = await finishAfterListener(pi, id, job, 'stop', 'stopped');
    expect(records.filter((r) => r.valueType === 'PROCESS_EVENT').map((r) => r.intent)).toEqual([
      'TRIGGERING',
      'TRIGGERED',
    ]);
  });

  it('an event subprocess is activated once every other element of its scope is terminated', async () => {
    const [id, canceling] = [unique('tl-event-sub'), unique('canceling')];
    const handler = eventSubProcess(
      'handler',
      signalDefinition('stopSignal'),
      `${endEvent('handled')}${flow('handlerStart', 'handled')}`,
    );
    const body = `${startEvent()}${taskWithCanceling(canceling)}${endEvent()}${chain('start', 'task', 'end')}${handler}`;
    const { pi, job } = await startAndInterrupt(id, bpmn(id, body, SIGNAL), canceling);

    expect((await trail(pi)).filter((entry) => entry.startsWith('handler'))).toEqual([]);

    await finishAfterListener(pi, id, job, 'handler', 'handled');
  });

  it('a held boundary event outlives a kill -9 of the engine', async () => {
    let engine = await startEngineProcess();
    try {
      const [id, canceling] = [unique('tl-restart'), unique('canceling')];
      const { pi, job } = await startAndInterrupt(id, boundaryModel(id, canceling), canceling, engine);
      await engine.kill();
      engine = await startEngineProcess({ databaseUrl: engine.databaseUrl });
      expect((await trail(pi, engine)).filter((entry) => entry.startsWith('stop:'))).toEqual([]);
      expect((await completeRest(engine, job)).status).toBe(204);
      await waitFor(async () => (await trail(pi, engine)).includes(`${id}:ELEMENT_COMPLETED`));
      expect(await trail(pi, engine)).toContain('stopped:ELEMENT_COMPLETED');
    } finally {
      await engine.stop();
    }
  }, 60_000);
});

describe('job search by kind and listener event type', () => {
  let engine: EngineProcess | undefined;
  afterEach(async () => {
    await engine?.stop();
  });

  it('answers and filters kind and listenerEventType, also for rows exported before the columns existed', async () => {
    engine = await startEngineProcess();
    const zbc = sdkClient(engine);
    const id = unique('job-kinds');
    const [start, work, canceling] = [unique('el-start'), unique('work'), unique('tl-canceling')];
    const body = `${startEvent()}<bpmn:serviceTask id="svc"><bpmn:extensionElements><zeebe:taskDefinition type="${work}" />${executionListeners(['start', start])}</bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:userTask id="task"><bpmn:extensionElements><zeebe:userTask />${taskListeners(['canceling', canceling])}</bpmn:extensionElements></bpmn:userTask>
      ${endEvent()}${chain('start', 'svc', 'task', 'end')}`;
    let pi = '';
    try {
      await zbc.deployResource({ name: `${id}.bpmn`, process: bpmn(id, body) });
      pi = (await zbc.createProcessInstance({ bpmnProcessId: id, variables: {} })).processInstanceKey;
      await zbc.completeJob({ jobKey: (await activateJob(zbc, start)).key, variables: {} });
      await zbc.completeJob({ jobKey: (await activateJob(zbc, work)).key, variables: {} });
      await waitFor(async () =>
        (await recordsOf(engine!, pi)).some((r) => r.intent === 'CREATED' && r.valueType === 'USER_TASK'),
      );
      await zbc.cancelProcessInstance(pi);
      await activateJob(zbc, canceling);
    } finally {
      await zbc.close();
    }
    const expected = [
      { type: start, kind: 'EXECUTION_LISTENER', listenerEventType: 'START' },
      { type: work, kind: 'BPMN_ELEMENT', listenerEventType: 'UNSPECIFIED' },
      { type: canceling, kind: 'TASK_LISTENER', listenerEventType: 'CANCELING' },
    ];
    const jobsOf = async () =>
      (await search(engine!, 'jobs', { filter: { processInstanceKey: pi }, sort: [{ field: 'jobKey' }] })).items;
    await waitFor(async () => ((await jobsOf()).length === 3 ? true : undefined));
    expect((await jobsOf()).map(({ type, kind, listenerEventType }) => ({ type, kind, listenerEventType }))).toEqual(
      expected,
    );
    const byFilter = await search(engine, 'jobs', {
      filter: { processInstanceKey: pi, kind: 'TASK_LISTENER', listenerEventType: { $in: ['CREATING', 'CANCELING'] } },
    });
    expect(byFilter.items.map((j) => j.type)).toEqual([canceling]);
    const sorted = await search(engine, 'jobs', {
      filter: { processInstanceKey: pi },
      sort: [{ field: 'kind', order: 'DESC' }],
    });
    expect(sorted.items.map((j) => j.kind)).toEqual(['TASK_LISTENER', 'EXECUTION_LISTENER', 'BPMN_ELEMENT']);

    // The projection as an engine before migration 6 left it: no columns; the migration fills them from the log.
    const { databaseUrl } = engine;
    await engine.stop();
    engine = undefined;
    const onMysql = databaseUrl.startsWith('mysql');
    await runOnProjections(databaseUrl, [
      onMysql ? 'DROP INDEX engine_q_jobs_kind ON engine_q_jobs' : 'DROP INDEX engine_q_jobs_kind',
      'ALTER TABLE engine_q_jobs DROP COLUMN kind',
      'ALTER TABLE engine_q_jobs DROP COLUMN listener_event_type',
      'DELETE FROM engine_schema_migrations WHERE id = 6',
    ]);
    engine = await startEngineProcess({ databaseUrl });
    expect((await jobsOf()).map(({ type, kind, listenerEventType }) => ({ type, kind, listenerEventType }))).toEqual(
      expected,
    );
  }, 60_000);
});
