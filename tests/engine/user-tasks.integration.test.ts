/**
 * User tasks (docs/zeebe-rules.md §10) and form deployment (§11): zeebe:userTask assignment, candidates, schedule,
 * priority and linked forms evaluated on activation; job-based user tasks; cancellation. Models are written inline
 * under unique ids; tasks are read from the event log (USER_TASK records) and through the REST gateway.
 */
import type { Zeebe } from '@camunda8/sdk';
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  completedElements,
  fixture,
  openIncidents,
  pinClock,
  recordsOf,
  resetClock,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
  type LoggedRecord,
} from './engine-kit';
import {
  bpmn,
  boundaryEvent,
  chain,
  endEvent,
  flow,
  rootVariables,
  startEvent,
  timerDefinition,
} from '../events/event-kit';
import { waitFor } from '../support/wait-for';

const h = useEngine();

/** Instance variables as the SDK types them. */
type Variables = Parameters<Zeebe.ZeebeGrpcClient['setVariables']>[0]['variables'];

/** A bpmn:userTask; `zeebe` adds zeebe:userTask (a Zeebe user task), otherwise it is job-based. */
const userTask = (id: string, extensions: string, zeebe = true): string =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements>${zeebe ? '<zeebe:userTask />' : ''}${extensions}</bpmn:extensionElements></bpmn:userTask>`;

const assignment = (attrs: Record<string, string>): string => `<zeebe:assignmentDefinition ${attributes(attrs)} />`;
const schedule = (attrs: Record<string, string>): string => `<zeebe:taskSchedule ${attributes(attrs)} />`;
const priorityDefinition = (priority: string): string => `<zeebe:priorityDefinition priority="${priority}" />`;
const formDefinition = (attrs: Record<string, string>): string => `<zeebe:formDefinition ${attributes(attrs)} />`;

const attributes = (attrs: Record<string, string>): string =>
  Object.entries(attrs)
    .map(([name, value]) => `${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`)
    .join(' ');

/** start → task (a user task with the given extensions) → end. */
const taskProcess = (processId: string, extensions: string, zeebe = true): Buffer =>
  bpmn(processId, `${startEvent()}${userTask('task', extensions, zeebe)}${endEvent()}${chain('start', 'task', 'end')}`);

/** A Camunda form (JSON with an id and components). */
const formJson = (formId: string, label = 'Approved?'): Buffer =>
  Buffer.from(
    JSON.stringify({
      id: formId,
      type: 'default',
      schemaVersion: 16,
      components: [{ type: 'checkbox', key: 'approved', label }],
    }),
  );

async function deployForm(formId: string, label?: string) {
  const res = await h.zbc.deployResource({ name: `${formId}.form`, form: formJson(formId, label) });
  return res.deployments[0].form;
}

/** Deploys a process with one user task and starts an instance of it. */
async function startTask(extensions: string, variables: Variables = {}, zeebe = true) {
  const processId = unique('user-task');
  await h.zbc.deployResource({ name: `${processId}.bpmn`, process: taskProcess(processId, extensions, zeebe) });
  const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables });
  return { processId, processInstanceKey: instance.processInstanceKey };
}

const userTaskRecords = async (processInstanceKey: string, intent?: string): Promise<LoggedRecord[]> =>
  (await recordsOf(h.engine, processInstanceKey)).filter(
    (r) => r.valueType === 'USER_TASK' && (intent === undefined || r.intent === intent),
  );

/** Waits for the USER_TASK CREATED record of an instance and returns its key and value. */
async function createdTask(processInstanceKey: string) {
  const record = await waitFor(async () => (await userTaskRecords(processInstanceKey, 'CREATED'))[0], {
    description: `a user task in ${processInstanceKey}`,
  });
  return { key: String(record.key), value: record.value };
}

/** The assignee of the instance's first USER_TASK ASSIGNED record. */
const assignedBy = async (processInstanceKey: string) =>
  (await userTaskRecords(processInstanceKey, 'ASSIGNED'))[0]?.value.assignee;

async function rest(method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.engine.restAddress}/v2${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(await h.engine.authHeaders()),
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const getTask = (key: string) => rest('GET', `/user-tasks/${key}`);

async function resolve(processInstanceKey: string, variables: Variables) {
  const incident = await waitForIncident(h.engine, processInstanceKey);
  if (Object.keys(variables).length) {
    await h.zbc.setVariables({ elementInstanceKey: processInstanceKey, variables, local: false });
  }
  await h.zbc.resolveIncident({ incidentKey: incident.key });
  return incident;
}

describe('Zeebe user tasks: assignment and candidates', () => {
  it('takes a static assignee and comma-separated candidate groups and users', async () => {
    const { processId, processInstanceKey } = await startTask(
      assignment({ assignee: 'anna', candidateGroups: 'sales, managers', candidateUsers: 'ben,carla' }),
    );
    const task = await createdTask(processInstanceKey);
    // As in Zeebe 8.8, the process's assignee is not on the CREATED record: ASSIGNING / ASSIGNED follow.
    expect(await assignedBy(processInstanceKey)).toBe('anna');
    expect(task.value).toMatchObject({
      assignee: '',
      candidateGroups: ['sales', 'managers'],
      candidateUsers: ['ben', 'carla'],
      priority: 50,
      formKey: -1,
      elementId: 'task',
      bpmnProcessId: processId,
    });
    const got = await getTask(task.key);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      userTaskKey: task.key,
      state: 'CREATED',
      assignee: 'anna',
      candidateGroups: ['sales', 'managers'],
      candidateUsers: ['ben', 'carla'],
      priority: 50,
      processInstanceKey,
      processDefinitionId: processId,
      elementId: 'task',
    });
    expect(got.body).not.toHaveProperty('formKey');
  });

  it('evaluates FEEL assignee and candidate lists on activation', async () => {
    const { processInstanceKey } = await startTask(
      assignment({ assignee: '=owner', candidateGroups: '=groups', candidateUsers: '=[owner, "deputy"]' }),
      { owner: '李雷', groups: ['finance', 'audit'] },
    );
    const task = await createdTask(processInstanceKey);
    expect(await assignedBy(processInstanceKey)).toBe('李雷');
    expect(task.value).toMatchObject({
      candidateGroups: ['finance', 'audit'],
      candidateUsers: ['李雷', 'deputy'],
    });
  });

  it('a task without assignment has no assignee and empty candidate lists', async () => {
    const { processInstanceKey } = await startTask('');
    const task = await createdTask(processInstanceKey);
    expect(task.value).toMatchObject({ assignee: '', candidateGroups: [], candidateUsers: [], priority: 50 });
    const got = await getTask(task.key);
    expect(got.body).not.toHaveProperty('assignee');
  });

  it('candidate groups that are not a list of strings raise an incident; fixing them and resolving creates the task', async () => {
    const { processInstanceKey } = await startTask(assignment({ candidateGroups: '=groups' }), { groups: 42 });
    const incident = await resolve(processInstanceKey, { groups: ['ops'] });
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task' });
    const task = await createdTask(processInstanceKey);
    expect(task.value.candidateGroups).toEqual(['ops']);
    expect(await openIncidents(h.engine, processInstanceKey)).toEqual([]);
  });
});

describe('Zeebe user tasks: schedule and priority', () => {
  it('takes static due and follow-up dates', async () => {
    const { processInstanceKey } = await startTask(
      schedule({ dueDate: '2030-05-01T17:00:00+08:00', followUpDate: '2030-04-28T09:00:00Z' }),
    );
    const task = await createdTask(processInstanceKey);
    expect(task.value).toMatchObject({ dueDate: '2030-05-01T17:00:00+08:00', followUpDate: '2030-04-28T09:00:00Z' });
    const got = await getTask(task.key);
    expect(got.body).toMatchObject({ dueDate: '2030-05-01T17:00:00+08:00', followUpDate: '2030-04-28T09:00:00Z' });
  });

  it('evaluates FEEL due dates (a date-time value) and follow-up dates (an ISO string)', async () => {
    const { processInstanceKey } = await startTask(
      schedule({ dueDate: '=date and time("2030-06-01T09:30:00Z") + duration("P1D")', followUpDate: '=followUp' }),
      { followUp: '2030-05-30T08:00:00+02:00' },
    );
    const task = await createdTask(processInstanceKey);
    expect(Date.parse(String(task.value.dueDate))).toBe(Date.UTC(2030, 5, 2, 9, 30));
    expect(task.value.followUpDate).toBe('2030-05-30T08:00:00+02:00');
  });

  it('a due date that is not a date-time raises an incident naming it', async () => {
    const { processInstanceKey } = await startTask(schedule({ dueDate: '=due' }), { due: 'next tuesday' });
    const incident = await resolve(processInstanceKey, { due: '2030-01-02T03:04:05Z' });
    expect(incident.errorType).toBe('EXTRACT_VALUE_ERROR');
    expect(incident.errorMessage).toMatch(/dueDate/);
    expect(incident.errorMessage).toMatch(/next tuesday/);
    expect((await createdTask(processInstanceKey)).value.dueDate).toBe('2030-01-02T03:04:05Z');
  });

  it('priority defaults to 50 and takes static and FEEL values from 0 to 100', async () => {
    const cases: [string, Variables, number][] = [
      ['80', {}, 80],
      ['=p', { p: 0 }, 0],
      ['=p + 1', { p: 99 }, 100],
    ];
    for (const [priority, variables, expected] of cases) {
      const { processInstanceKey } = await startTask(priorityDefinition(priority), variables);
      expect((await createdTask(processInstanceKey)).value.priority).toBe(expected);
    }
  });

  it.each([[101], [-1], [2.5]])('priority %p is out of range: an incident, resolved by fixing it', async (p) => {
    const { processInstanceKey } = await startTask(priorityDefinition('=p'), { p });
    const incident = await resolve(processInstanceKey, { p: 70 });
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task' });
    expect(incident.errorMessage).toMatch(/priority/);
    expect((await createdTask(processInstanceKey)).value.priority).toBe(70);
  });
});

describe('Zeebe user tasks: linked forms', () => {
  it('binding latest: each new task gets the latest version of the form', async () => {
    const formId = unique('approval-form');
    const v1 = await deployForm(formId, 'v1');
    const first = await startTask(formDefinition({ formId }));
    const firstTask = await createdTask(first.processInstanceKey);
    expect(firstTask.value.formKey).toBe(Number(v1.formKey));

    const v2 = await deployForm(formId, 'v2');
    expect(v2.version).toBe(v1.version + 1);
    const second = await h.zbc.createProcessInstance({ bpmnProcessId: first.processId, variables: {} });
    const secondTask = await createdTask(second.processInstanceKey);
    expect(secondTask.value.formKey).toBe(Number(v2.formKey));

    // the open task keeps the version it was created with; the form endpoint serves that version's schema
    const firstForm = await rest('GET', `/user-tasks/${firstTask.key}/form`);
    expect(firstForm.status).toBe(200);
    expect(firstForm.body).toMatchObject({ formKey: v1.formKey, formId, version: v1.version });
    expect(JSON.parse(String(firstForm.body!.schema))).toMatchObject({ id: formId, components: [{ label: 'v1' }] });
    const secondForm = await rest('GET', `/user-tasks/${secondTask.key}/form`);
    expect(secondForm.body).toMatchObject({ formKey: v2.formKey, version: v2.version });
    expect((await getTask(secondTask.key)).body).toMatchObject({ formKey: v2.formKey });
  });

  it('binding deployment: the task gets the version deployed with the process, not a later one', async () => {
    const formId = unique('deployment-form');
    const processId = unique('bound-form');
    const res = await h.zbc.deployResources([
      {
        name: `${processId}.bpmn`,
        process: taskProcess(processId, `<zeebe:formDefinition formId="${formId}" bindingType="deployment" />`),
      },
      { name: `${formId}.form`, form: formJson(formId, 'with the process') },
    ]);
    const deployed = (res.deployments as object[]).find((d) => 'form' in d) as {
      form: { formKey: string; version: number };
    };
    expect(deployed.form.version).toBe(1);
    const later = await deployForm(formId, 'later');
    expect(later.version).toBe(2);

    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const task = await createdTask(instance.processInstanceKey);
    expect(task.value.formKey).toBe(Number(deployed.form.formKey));
  });

  it('binding versionTag: the task gets the latest form version with that tag; an unknown tag is FORM_NOT_FOUND', async () => {
    const formId = unique('tagged-form');
    const tagged = (versionTag: string | undefined, label: string) =>
      h.zbc.deployResource({
        name: `${formId}.form`,
        form: Buffer.from(JSON.stringify({ ...JSON.parse(formJson(formId, label).toString()), versionTag })),
      });
    const v1 = (await tagged('2026-冬', 'first')).deployments[0].form;
    await tagged(undefined, 'second');
    const { processInstanceKey } = await startTask(
      `<zeebe:formDefinition formId="${formId}" bindingType="versionTag" versionTag="2026-冬" />`,
    );
    expect((await createdTask(processInstanceKey)).value.formKey).toBe(Number(v1.formKey));

    const other = await startTask(
      `<zeebe:formDefinition formId="${formId}" bindingType="versionTag" versionTag="none" />`,
    );
    const incident = await waitForIncident(h.engine, other.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'FORM_NOT_FOUND' });
    expect(incident.errorMessage).toContain("version tag 'none'");
  });

  it('binding deployment with the form missing from the deployment is FORM_NOT_FOUND', async () => {
    const formId = unique('elsewhere-form');
    await deployForm(formId);
    const { processInstanceKey } = await startTask(
      `<zeebe:formDefinition formId="${formId}" bindingType="deployment" />`,
    );
    const incident = await waitForIncident(h.engine, processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'FORM_NOT_FOUND', elementId: 'task' });
    expect(incident.errorMessage).toContain(formId);
  });

  it('a missing form is a FORM_NOT_FOUND incident; deploying it and resolving creates the task with it', async () => {
    const formId = unique('missing-form');
    const { processInstanceKey } = await startTask(formDefinition({ formId }));
    const incident = await waitForIncident(h.engine, processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'FORM_NOT_FOUND', elementId: 'task' });
    expect(incident.errorMessage).toContain(formId);
    expect(await userTaskRecords(processInstanceKey)).toEqual([]);

    const form = await deployForm(formId);
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    const task = await createdTask(processInstanceKey);
    expect(task.value.formKey).toBe(Number(form.formKey));
    expect(await openIncidents(h.engine, processInstanceKey)).toEqual([]);
  });

  it('an external form reference is kept as given; such a task has no linked form', async () => {
    const { processInstanceKey } = await startTask(
      formDefinition({ externalReference: 'https://forms.example.com/approve?id=7' }),
    );
    const task = await createdTask(processInstanceKey);
    expect(task.value).toMatchObject({ externalFormReference: 'https://forms.example.com/approve?id=7', formKey: -1 });
    expect((await getTask(task.key)).body).toMatchObject({
      externalFormReference: 'https://forms.example.com/approve?id=7',
    });
    expect((await rest('GET', `/user-tasks/${task.key}/form`)).status).toBe(204);
  });
});

describe('Zeebe user tasks: completion', () => {
  it('completing merges the variables into the instance, which continues', async () => {
    const { processId, processInstanceKey } = await startTask(assignment({ assignee: 'anna' }), { amount: 10 });
    const task = await createdTask(processInstanceKey);
    const done = await rest('POST', `/user-tasks/${task.key}/completion`, { variables: { approved: true } });
    expect(done.status).toBe(204);
    await waitForCompletion(h.engine, processInstanceKey);
    expect(await completedElements(h.engine, processInstanceKey)).toEqual(['start', 'task', 'end', processId]);
    expect(await rootVariables(h.engine, processInstanceKey)).toEqual({ amount: 10, approved: true });
    expect((await userTaskRecords(processInstanceKey)).map((r) => r.intent)).toEqual([
      'CREATING',
      'CREATED',
      'ASSIGNING',
      'ASSIGNED',
      'COMPLETING',
      'COMPLETED',
    ]);
    const finished = await getTask(task.key);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ state: 'COMPLETED' });
  });
});

describe('job-based user tasks', () => {
  it('are a job of type io.camunda.zeebe:userTask with the assignment and form key as headers', async () => {
    const { processId, processInstanceKey } = await startTask(
      `${assignment({ assignee: 'anna', candidateGroups: 'sales, ops', candidateUsers: 'ben' })}${formDefinition({
        formKey: 'camunda-forms:bpmn:userTaskForm_1',
      })}`,
      { amount: 5 },
      false,
    );
    const job = await activateJob(h.zbc, 'io.camunda.zeebe:userTask');
    expect(job.processInstanceKey).toBe(processInstanceKey);
    expect(job.elementId).toBe('task');
    expect(job.customHeaders).toMatchObject({
      'io.camunda.zeebe:assignee': 'anna',
      'io.camunda.zeebe:candidateGroups': '["sales","ops"]',
      'io.camunda.zeebe:candidateUsers': '["ben"]',
      'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:userTaskForm_1',
    });
    expect(job.variables).toMatchObject({ amount: 5 });
    // no Zeebe user task exists for it
    expect(await userTaskRecords(processInstanceKey)).toEqual([]);

    await h.zbc.completeJob({ jobKey: job.key, variables: { approved: false } });
    await waitForCompletion(h.engine, processInstanceKey);
    expect(await completedElements(h.engine, processInstanceKey)).toEqual(['start', 'task', 'end', processId]);
    expect(await rootVariables(h.engine, processInstanceKey)).toEqual({ amount: 5, approved: false });
  });
});

describe('Zeebe user tasks: cancellation', () => {
  it('cancelling the instance cancels the open task', async () => {
    const { processInstanceKey } = await startTask(assignment({ assignee: 'anna' }));
    const task = await createdTask(processInstanceKey);
    await h.zbc.cancelProcessInstance(processInstanceKey);
    await waitFor(async () => (await userTaskRecords(processInstanceKey, 'CANCELED')).length === 1, {
      description: 'the user task to be canceled',
    });
    expect((await userTaskRecords(processInstanceKey)).map((r) => r.intent)).toEqual([
      'CREATING',
      'CREATED',
      'ASSIGNING',
      'ASSIGNED',
      'CANCELING',
      'CANCELED',
    ]);
    expect(String((await userTaskRecords(processInstanceKey, 'CANCELED'))[0].key)).toBe(task.key);
    expect(await terminatedElements(h.engine, processInstanceKey)).toContain('task');
    expect((await getTask(task.key)).body).toMatchObject({ state: 'CANCELED' });
    expect((await rest('POST', `/user-tasks/${task.key}/completion`, {})).status).toBe(404);
  });

  it('an interrupting timer boundary event cancels the task and takes its own flow', async () => {
    let now = Date.UTC(2031, 0, 1);
    await pinClock(h.engine, now);
    try {
      const processId = unique('user-task-timeout');
      await h.zbc.deployResource({
        name: `${processId}.bpmn`,
        process: bpmn(
          processId,
          `${startEvent()}${userTask('task', assignment({ assignee: 'anna' }))}${endEvent()}${endEvent('late')}
          ${boundaryEvent('timeout', 'task', timerDefinition('timeDuration', 'PT1H'))}
          ${chain('start', 'task', 'end')}${flow('timeout', 'late')}`,
        ),
      });
      const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
      const task = await createdTask(instance.processInstanceKey);
      now += 60 * 60_000;
      await pinClock(h.engine, now);
      await waitForCompletion(h.engine, instance.processInstanceKey);
      expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
        'start',
        'timeout',
        'late',
        processId,
      ]);
      expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task']);
      expect((await userTaskRecords(instance.processInstanceKey)).map((r) => r.intent)).toEqual([
        'CREATING',
        'CREATED',
        'ASSIGNING',
        'ASSIGNED',
        'CANCELING',
        'CANCELED',
      ]);
      expect((await getTask(task.key)).body).toMatchObject({ state: 'CANCELED' });
    } finally {
      await resetClock(h.engine);
    }
  });
});

describe('form deployment', () => {
  it('returns the form metadata; identical redeploy keeps the version, a change makes the next one', async () => {
    const content = fixture('user-task-approval.form');
    const formId = (JSON.parse(content.toString('utf8')) as { id: string }).id;
    const first = await h.zbc.deployResource({ name: 'user-task-approval.form', form: content });
    expect(first.deployments).toHaveLength(1);
    const v1 = first.deployments[0].form;
    expect(v1).toMatchObject({ formId, version: 1, resourceName: 'user-task-approval.form', tenantId: '<default>' });
    expect(v1.formKey).toMatch(/^\d+$/);

    const again = await h.zbc.deployResource({ name: 'user-task-approval.form', form: content });
    expect(again.deployments[0].form).toMatchObject({ formId, version: 1, formKey: v1.formKey });

    const changed = Buffer.from(content.toString('utf8').replace('Approved', 'Accepted'));
    const v2 = (await h.zbc.deployResource({ name: 'user-task-approval.form', form: changed })).deployments[0].form;
    expect(v2).toMatchObject({ formId, version: 2 });
    expect(v2.formKey).not.toBe(v1.formKey);
  });

  it.each([
    ['not-json.form', Buffer.from('<form id="x" />')],
    ['no-id.form', Buffer.from(JSON.stringify({ components: [] }))],
  ])('%s is INVALID_ARGUMENT naming the file', async (name, content) => {
    await expect(h.zbc.deployResource({ name, form: content })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining(name) as string,
    });
  });
});
