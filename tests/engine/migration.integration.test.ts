/**
 * MigrateProcessInstance beyond tasks at the top of a process: active elements inside embedded subprocesses,
 * boundary events (a mapped timer keeps its due date, an unmapped subscription closes, a new boundary event of the
 * target subscribes), user tasks keeping their assignee, incidents following their element, and the query API's
 * view following the migration. Through @camunda8/sdk, gRPC for the migration as an operator's script calls it,
 * REST for the user task and the searches.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import { recordsOf, unique, useEngine, waitForCompletion } from './engine-kit';
import {
  boundaryEvent,
  bpmn,
  chain,
  deploy,
  endEvent,
  eventSubProcess,
  message,
  messageDefinition,
  serviceTask,
  startEvent,
  timerDefinition,
} from '../events/event-kit';
import { waitFor } from '../support/wait-for';

const harness = useEngine();
let rest: CamundaRestClient;
beforeAll(() => {
  rest = new CamundaRestClient({
    config: { ZEEBE_REST_ADDRESS: harness.engine.restAddress, ...harness.engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
  });
});

const userTask = (id: string) =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>`;

/** A process wrapping one element in a subprocess: start → `sub` [subStart → inner → subEnd] → end. */
function inSubprocess(processId: string, sub: string, inner: string, innerXml: string): Buffer {
  return bpmn(
    processId,
    `${startEvent()}<bpmn:subProcess id="${sub}">${startEvent(`${sub}Start`)}${innerXml}${endEvent(`${sub}End`)}
      ${chain(`${sub}Start`, inner, `${sub}End`)}</bpmn:subProcess>${endEvent()}${chain('start', sub, 'end')}`,
  );
}

async function migrate(
  processInstanceKey: string,
  targetProcessDefinitionKey: string,
  mappings: Array<[string, string]>,
) {
  await harness.zbc.migrateProcessInstance({
    processInstanceKey,
    migrationPlan: {
      targetProcessDefinitionKey,
      mappingInstructions: mappings.map(([sourceElementId, targetElementId]) => ({ sourceElementId, targetElementId })),
    },
  });
}

async function waitForActive(processInstanceKey: string, elementId: string) {
  return waitFor(
    async () =>
      (await recordsOf(harness.engine, processInstanceKey)).find(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === elementId,
      ),
    { description: `${elementId} active in ${processInstanceKey}` },
  );
}

describe('migrating active elements inside an embedded subprocess', () => {
  it('maps the subprocess and its task, and the instance finishes on the target with the query API agreeing', async () => {
    const processId = unique('migrate-sub');
    const jobType = `${processId}-work`;
    const v1 = await deploy(
      harness.zbc,
      processId,
      inSubprocess(processId, 'sub', 'work', serviceTask('work', jobType)),
    );
    const v2 = await deploy(
      harness.zbc,
      processId,
      inSubprocess(processId, 'subRenamed', 'workRenamed', serviceTask('workRenamed', jobType)),
    );
    const { processInstanceKey } = await harness.zbc.createProcessInstance({
      bpmnProcessId: processId,
      version: v1.version,
      variables: {},
    });
    await waitForActive(processInstanceKey, 'work');

    await migrate(processInstanceKey, v2.processDefinitionKey, [
      ['sub', 'subRenamed'],
      ['work', 'workRenamed'],
    ]);

    // The query API shows the instance and its elements on the target, and counts them there.
    const elements = await waitFor(async () => {
      const page = await rest.searchElementInstances({ filter: { processInstanceKey } });
      const active = page.items.filter((i) => i.state === 'ACTIVE');
      return active.some((i) => i.elementId === 'workRenamed') ? active : undefined;
    });
    expect(elements.map((i) => [i.elementId, String(i.processDefinitionKey)]).sort()).toEqual([
      ['subRenamed', v2.processDefinitionKey],
      ['workRenamed', v2.processDefinitionKey],
    ]);
    const statistics = await fetch(
      `${harness.engine.restAddress}/v2/process-definitions/${v2.processDefinitionKey}/statistics/element-instances`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await harness.engine.authHeaders()) },
        body: '{}',
      },
    ).then((res) => res.json() as Promise<{ items: Array<{ elementId: string; active: number }> }>);
    expect(statistics.items.find((i) => i.elementId === 'workRenamed')?.active).toBe(1);

    const [job] = await harness.zbc.activateJobs({
      type: jobType,
      maxJobsToActivate: 1,
      timeout: 60_000,
      worker: 'test',
      requestTimeout: 2_000,
    });
    expect(job.elementId).toBe('workRenamed');
    await harness.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(harness.engine, processInstanceKey);
    const completed = (await recordsOf(harness.engine, processInstanceKey)).filter(
      (r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED',
    );
    expect(completed.map((r) => r.value.elementId)).toEqual(expect.arrayContaining(['workRenamed', 'subRenamed']));
    const afterMigration = completed.filter((r) =>
      ['workRenamed', 'subRenamed', processId].includes(String(r.value.elementId)),
    );
    expect(afterMigration).toHaveLength(3);
    expect(afterMigration.every((r) => String(r.value.processDefinitionKey) === v2.processDefinitionKey)).toBe(true);
  });

  it('refuses a mapping that moves an element out of its flow scope, changing nothing', async () => {
    const processId = unique('migrate-scope-change');
    const jobType = `${processId}-work`;
    const v1 = await deploy(
      harness.zbc,
      processId,
      inSubprocess(processId, 'sub', 'work', serviceTask('work', jobType)),
    );
    const v2 = await deploy(
      harness.zbc,
      processId,
      bpmn(processId, `${startEvent()}${serviceTask('work', jobType)}${endEvent()}${chain('start', 'work', 'end')}`),
    );
    const { processInstanceKey } = await harness.zbc.createProcessInstance({
      bpmnProcessId: processId,
      version: v1.version,
      variables: {},
    });
    await waitForActive(processInstanceKey, 'work');
    await expect(migrate(processInstanceKey, v2.processDefinitionKey, [['work', 'work']])).rejects.toThrow(
      /no mapping instruction is given for active element 'sub'/,
    );
    const v3 = await deploy(
      harness.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}<bpmn:subProcess id="sub">${startEvent('subStart')}${serviceTask('other', jobType)}${endEvent('subEnd')}
          ${chain('subStart', 'other', 'subEnd')}</bpmn:subProcess>${serviceTask('work', jobType)}${endEvent()}
        ${chain('start', 'sub', 'work', 'end')}`,
      ),
    );
    await expect(
      migrate(processInstanceKey, v3.processDefinitionKey, [
        ['sub', 'sub'],
        ['work', 'work'],
      ]),
    ).rejects.toThrow(/an element of the same kind in 'sub'/);
    const migrated = (await recordsOf(harness.engine, processInstanceKey)).filter(
      (r) => r.intent === 'ELEMENT_MIGRATED',
    );
    expect(migrated).toHaveLength(0);
  });
});

describe('migrating an element with boundary events', () => {
  it('keeps a mapped timer with its due date, closes an unmapped message subscription, and subscribes a new boundary event', async () => {
    const processId = unique('migrate-boundaries');
    const jobType = `${processId}-work`;
    const roots = `${message('cancelMsg', `${processId}-cancel`, '=orderId')}${message('holdMsg', `${processId}-hold`, '=orderId')}`;
    const v1 = await deploy(
      harness.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('work', jobType)}
        ${boundaryEvent('remind', 'work', timerDefinition('timeDuration', 'PT2H'), { interrupting: false })}
        ${boundaryEvent('cancel', 'work', messageDefinition('cancelMsg'))}
        ${endEvent()}${endEvent('reminded')}${endEvent('cancelled')}
        ${chain('start', 'work', 'end')}${chain('remind', 'reminded')}${chain('cancel', 'cancelled')}`,
        roots,
      ),
    );
    const v2 = await deploy(
      harness.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('work', jobType)}
        ${boundaryEvent('remindLater', 'work', timerDefinition('timeDuration', 'PT5H'), { interrupting: false })}
        ${boundaryEvent('hold', 'work', messageDefinition('holdMsg'))}
        ${endEvent()}${endEvent('reminded')}${endEvent('held')}
        ${chain('start', 'work', 'end')}${chain('remindLater', 'reminded')}${chain('hold', 'held')}`,
        roots,
      ),
    );
    const { processInstanceKey } = await harness.zbc.createProcessInstance({
      bpmnProcessId: processId,
      version: v1.version,
      variables: { orderId: `${processId}-order` },
    });
    await waitForActive(processInstanceKey, 'work');
    const timerBefore = (await recordsOf(harness.engine, processInstanceKey)).find(
      (r) => r.valueType === 'TIMER' && r.intent === 'CREATED',
    )!;

    await migrate(processInstanceKey, v2.processDefinitionKey, [
      ['work', 'work'],
      ['remind', 'remindLater'],
    ]);

    const records = await waitFor(async () => {
      const found = await recordsOf(harness.engine, processInstanceKey);
      return found.some((r) => r.intent === 'MIGRATED' && r.valueType === 'PROCESS_INSTANCE_MIGRATION')
        ? found
        : undefined;
    });
    const timerMigrated = records.find((r) => r.valueType === 'TIMER' && r.intent === 'MIGRATED')!;
    expect(timerMigrated.key).toBe(timerBefore.key);
    expect(timerMigrated.value.catchElementId).toBe('remindLater');
    // Kept, not restarted: the due date is the one the source's PT2H gave, not the target's PT5H.
    expect(timerMigrated.value.dueDate).toBe(timerBefore.value.dueDate);
    expect(
      records.some(
        (r) =>
          r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' &&
          r.intent === 'DELETED' &&
          r.value.catchElementId === 'cancel',
      ),
    ).toBe(true);
    const held = records.find(
      (r) =>
        r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' && r.intent === 'CREATED' && r.value.catchElementId === 'hold',
    );
    expect(held?.value.correlationKey).toBe(`${processId}-order`);

    // The new boundary event works; the old message no longer reaches the instance.
    await harness.zbc.publishMessage({
      name: `${processId}-cancel`,
      correlationKey: `${processId}-order`,
      variables: {},
      timeToLive: 0,
    });
    await harness.zbc.publishMessage({
      name: `${processId}-hold`,
      correlationKey: `${processId}-order`,
      variables: {},
      timeToLive: 0,
    });
    await waitForCompletion(harness.engine, processInstanceKey);
    const ended = (await recordsOf(harness.engine, processInstanceKey)).filter(
      (r) =>
        r.valueType === 'PROCESS_INSTANCE' &&
        r.intent === 'ELEMENT_COMPLETED' &&
        r.value.bpmnElementType === 'END_EVENT',
    );
    expect(ended.map((r) => r.value.elementId)).toEqual(['held']);
  });

  it('refuses to map a boundary event to one of another kind', async () => {
    const processId = unique('migrate-boundary-kind');
    const jobType = `${processId}-work`;
    const body = (boundary: string) =>
      `${startEvent()}${serviceTask('work', jobType)}${boundary}${endEvent()}${endEvent('other')}${chain('start', 'work', 'end')}${chain('edge', 'other')}`;
    const v1 = await deploy(
      harness.zbc,
      processId,
      bpmn(processId, body(boundaryEvent('edge', 'work', timerDefinition('timeDuration', 'PT1H')))),
    );
    const v2 = await deploy(
      harness.zbc,
      processId,
      bpmn(
        processId,
        body(boundaryEvent('edge', 'work', messageDefinition('m'))),
        message('m', `${processId}-m`, '=&quot;k&quot;'),
      ),
    );
    const { processInstanceKey } = await harness.zbc.createProcessInstance({
      bpmnProcessId: processId,
      version: v1.version,
      variables: {},
    });
    await waitForActive(processInstanceKey, 'work');
    await expect(
      migrate(processInstanceKey, v2.processDefinitionKey, [
        ['work', 'work'],
        ['edge', 'edge'],
      ]),
    ).rejects.toThrow(/to a timer boundary event attached to 'work', but 'edge' is not one/);
  });

  it('refuses an instance that waits for an event subprocess, saying so', async () => {
    const processId = unique('migrate-event-sub');
    const jobType = `${processId}-work`;
    const xml = bpmn(
      processId,
      `${startEvent()}${serviceTask('work', jobType)}${endEvent()}${chain('start', 'work', 'end')}
      ${eventSubProcess('onTimer', timerDefinition('timeDuration', 'PT1H'), `${endEvent('onTimerEnd')}${chain('onTimerStart', 'onTimerEnd')}`)}`,
    );
    const v1 = await deploy(harness.zbc, processId, xml);
    const { processInstanceKey } = await harness.zbc.createProcessInstance({
      bpmnProcessId: processId,
      version: v1.version,
      variables: {},
    });
    await waitForActive(processInstanceKey, 'work');
    await expect(migrate(processInstanceKey, v1.processDefinitionKey, [['work', 'work']])).rejects.toThrow(
      /waits for 'onTimerStart' \(an event subprocess\)/,
    );
  });
});

describe('migrating a user task', () => {
  it('keeps its assignee; the task completes on the target', async () => {
    const processId = unique('migrate-user-task');
    const model = (taskId: string) =>
      bpmn(processId, `${startEvent()}${userTask(taskId)}${endEvent()}${chain('start', taskId, 'end')}`);
    const v1 = await deploy(harness.zbc, processId, model('review'));
    const v2 = await deploy(harness.zbc, processId, model('reviewAgain'));
    const { processInstanceKey } = await harness.zbc.createProcessInstance({
      bpmnProcessId: processId,
      version: v1.version,
      variables: {},
    });
    const task = await waitFor(async () => (await rest.searchUserTasks({ filter: { processInstanceKey } })).items[0]);
    await rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'zhangsan', allowOverride: true });
    await waitFor(
      async () =>
        (await rest.searchUserTasks({ filter: { processInstanceKey } })).items[0]?.assignee === 'zhangsan' || undefined,
    );

    await migrate(processInstanceKey, v2.processDefinitionKey, [['review', 'reviewAgain']]);

    const migrated = await waitFor(async () => {
      const [found] = (await rest.searchUserTasks({ filter: { processInstanceKey } })).items;
      return found?.elementId === 'reviewAgain' ? found : undefined;
    });
    expect(migrated.userTaskKey).toBe(task.userTaskKey);
    expect(migrated.assignee).toBe('zhangsan');
    expect(String(migrated.processDefinitionKey)).toBe(v2.processDefinitionKey);
    await rest.completeUserTask({ userTaskKey: migrated.userTaskKey });
    await waitForCompletion(harness.engine, processInstanceKey);
  });
});

describe('migrating an element with an incident', () => {
  it('moves the incident with it: the query API shows it on the target element, and it resolves there', async () => {
    const processId = unique('migrate-incident');
    const jobType = `${processId}-work`;
    const model = (taskId: string) =>
      bpmn(processId, `${startEvent()}${serviceTask(taskId, jobType)}${endEvent()}${chain('start', taskId, 'end')}`);
    const v1 = await deploy(harness.zbc, processId, model('work'));
    const v2 = await deploy(harness.zbc, processId, model('workNew'));
    const { processInstanceKey } = await harness.zbc.createProcessInstance({
      bpmnProcessId: processId,
      version: v1.version,
      variables: {},
    });
    const [job] = await harness.zbc.activateJobs({
      type: jobType,
      maxJobsToActivate: 1,
      timeout: 60_000,
      worker: 'test',
      requestTimeout: 2_000,
    });
    await harness.zbc.failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'the meter system is down',
      retryBackOff: 0,
    });
    const incident = await waitFor(
      async () => (await rest.searchIncidents({ filter: { processInstanceKey } })).items[0],
    );

    await migrate(processInstanceKey, v2.processDefinitionKey, [['work', 'workNew']]);

    const moved = await waitFor(async () => {
      const [found] = (await rest.searchIncidents({ filter: { processInstanceKey } })).items;
      return found?.elementId === 'workNew' ? found : undefined;
    });
    expect(moved.incidentKey).toBe(incident.incidentKey);
    expect(String(moved.processDefinitionKey)).toBe(v2.processDefinitionKey);
    await harness.zbc.updateJobRetries({ jobKey: job.key, retries: 1 });
    await harness.zbc.resolveIncident({ incidentKey: String(moved.incidentKey) });
    const [again] = await harness.zbc.activateJobs({
      type: jobType,
      maxJobsToActivate: 1,
      timeout: 60_000,
      worker: 'test',
      requestTimeout: 5_000,
    });
    expect(again.elementId).toBe('workNew');
    await harness.zbc.completeJob({ jobKey: again.key, variables: {} });
    await waitForCompletion(harness.engine, processInstanceKey);
  });
});
