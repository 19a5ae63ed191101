/**
 * REST v2 user tasks (docs/zeebe-rules.md §10.6) as a black box: @camunda8/sdk's CamundaRestClient for search, get,
 * assign, unassign, complete and deployments; raw fetch() for the problem details and for update (the SDK's
 * updateUserTask sends PATCH /user-tasks/{key}/update with a bare changeset, not the v2 PATCH /user-tasks/{key}).
 */
import { CamundaRestClient } from '@camunda8/sdk';
import { recordsOf } from '../engine/engine-kit';
import { bpmn, chain, endEvent, rootVariables, startEvent } from '../events/event-kit';
import { startEngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

let engine: Awaited<ReturnType<typeof startEngineProcess>>;
let client: CamundaRestClient;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

const PROCESS_ID = 'rest-user-task';
const FORM_ID = 'rest-user-task-form';

/** start → review (a Zeebe user task for candidate group `=group`, linked to FORM_ID) → end. */
const reviewProcess = bpmn(
  PROCESS_ID,
  `${startEvent()}
  <bpmn:userTask id="review"><bpmn:extensionElements>
    <zeebe:userTask />
    <zeebe:assignmentDefinition candidateGroups="=group" candidateUsers="reviewer" />
    <zeebe:formDefinition formId="${FORM_ID}" />
  </bpmn:extensionElements></bpmn:userTask>
  ${endEvent()}${chain('start', 'review', 'end')}`,
);

const reviewForm = JSON.stringify({
  id: FORM_ID,
  type: 'default',
  schemaVersion: 16,
  components: [{ type: 'checkbox', key: 'approved', label: 'Approved?' }],
});

beforeAll(async () => {
  engine = await startEngineProcess();
  client = new CamundaRestClient({
    config: {
      ZEEBE_REST_ADDRESS: engine.restAddress,
      ...engine.sdkAuth,
      CAMUNDA_LOG_LEVEL: 'error',
    },
  });
  await client.deployResources([
    { name: `${PROCESS_ID}.bpmn`, content: reviewProcess.toString('utf8') },
    { name: `${FORM_ID}.form`, content: reviewForm },
  ]);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
});

/** Starts an instance for a fresh candidate group and returns the instance and its (open) user task. */
async function startReview(variables: Record<string, unknown> = {}) {
  const group = unique('group');
  const instance = await client.createProcessInstance({
    processDefinitionId: PROCESS_ID,
    variables: { group, ...variables },
  });
  const found = await waitFor(
    async () => {
      const res = await client.searchUserTasks({ filter: { processInstanceKey: instance.processInstanceKey } });
      return res.items[0];
    },
    { description: `the user task of ${instance.processInstanceKey}` },
  );
  return { instance, group, userTaskKey: found.userTaskKey };
}

async function raw(method: string, urlPath: string, body?: unknown) {
  const res = await fetch(`${engine.restAddress}${urlPath}`, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(await engine.authHeaders()),
    },
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
}

async function expectProblem(method: string, urlPath: string, body: unknown, status: number) {
  const res = await raw(method, urlPath, body);
  expect(res.status).toBe(status);
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(res.text) as ProblemBody;
  expect(problem).toMatchObject({ status, instance: urlPath });
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
}

/** The SDK rejects with the HTTP status of the answer. */
async function expectStatus(call: Promise<unknown>, status: number) {
  await expect(call).rejects.toMatchObject({ response: { statusCode: status } });
}

const patch = (userTaskKey: string, changeset: Record<string, unknown>) =>
  raw('PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset });

describe('REST v2 user tasks with CamundaRestClient', () => {
  it('deploys a form: its metadata comes back, and an identical redeploy keeps the version', async () => {
    const content = reviewForm.replace('Approved?', 'Accepted?');
    const formId = unique('rest-form');
    const result = await client.deployResources([{ name: 'approval.form', content: content.replace(FORM_ID, formId) }]);
    expect(result.forms).toHaveLength(1);
    expect(result.forms[0]).toMatchObject({ formId, version: 1, resourceName: 'approval.form', tenantId: '<default>' });
    expect(result.forms[0].formKey).toMatch(/^\d+$/);
    const again = await client.deployResources([{ name: 'approval.form', content: content.replace(FORM_ID, formId) }]);
    expect(again.forms[0]).toMatchObject({ formId, version: 1, formKey: result.forms[0].formKey });
  });

  it.each([
    ['broken.form', '{ "id": '],
    ['nameless.form', JSON.stringify({ components: [] })],
  ])('%s (not JSON, or without an id) is a 400 naming the file', async (name, content) => {
    await expect(client.deployResources([{ name, content }])).rejects.toMatchObject({
      response: { statusCode: 400, body: expect.stringContaining(name) as string },
    });
  });

  it('searches open tasks by candidate group, assignee and process instance', async () => {
    const a = await startReview();
    const b = await startReview();
    const byGroup = await client.searchUserTasks({ filter: { candidateGroup: a.group } });
    expect(byGroup.items.map((t) => t.userTaskKey)).toEqual([a.userTaskKey]);
    expect(byGroup.items[0]).toMatchObject({
      state: 'CREATED',
      elementId: 'review',
      processDefinitionId: PROCESS_ID,
      processInstanceKey: a.instance.processInstanceKey,
      candidateGroups: [a.group],
      candidateUsers: ['reviewer'],
      priority: 50,
    });

    const assignee = unique('user');
    await client.assignUserTask({ userTaskKey: b.userTaskKey, assignee });
    // Searches are eventually consistent: the assignment shows once the query side has exported it.
    const byAssignee = await waitFor(async () => {
      const found = await client.searchUserTasks({ filter: { assignee } });
      return found.items.length ? found : undefined;
    });
    expect(byAssignee.items.map((t) => t.userTaskKey)).toEqual([b.userTaskKey]);

    const byInstance = await client.searchUserTasks({ filter: { processInstanceKey: b.instance.processInstanceKey } });
    expect(byInstance.items).toHaveLength(1);
    expect(byInstance.items[0]).toMatchObject({ userTaskKey: b.userTaskKey, assignee });

    expect((await client.searchUserTasks({ filter: { candidateGroup: unique('nobody') } })).items).toEqual([]);
  });

  it('gets a task and its linked form', async () => {
    const { instance, group, userTaskKey } = await startReview();
    const task = await client.getUserTask(userTaskKey);
    expect(task).toMatchObject({
      userTaskKey,
      state: 'CREATED',
      elementId: 'review',
      processInstanceKey: instance.processInstanceKey,
      processDefinitionKey: instance.processDefinitionKey,
      processDefinitionId: PROCESS_ID,
      candidateGroups: [group],
      tenantId: '<default>',
    });
    expect(task.assignee).toBeUndefined();
    expect(new Date(task.creationDate).toISOString()).toBe(task.creationDate);

    const form = await raw('GET', `/v2/user-tasks/${userTaskKey}/form`);
    expect(form.status).toBe(200);
    const body = JSON.parse(form.text) as { formKey: string; formId: string; schema: string };
    expect(body).toMatchObject({ formKey: (task as unknown as { formKey: string }).formKey, formId: FORM_ID });
    expect(JSON.parse(body.schema)).toMatchObject({ id: FORM_ID });

    // Once completed, the task's form is still served (from the history), as Camunda 8 serves it.
    await client.completeUserTask({ userTaskKey });
    const done = await raw('GET', `/v2/user-tasks/${userTaskKey}/form`);
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text)).toMatchObject({ formKey: body.formKey, formId: FORM_ID });
  });

  it('assigns, refuses to override when told not to (409), and unassigns', async () => {
    const { userTaskKey } = await startReview();
    await client.assignUserTask({ userTaskKey, assignee: 'anna' });
    expect((await client.getUserTask(userTaskKey)).assignee).toBe('anna');

    await expectStatus(client.assignUserTask({ userTaskKey, assignee: 'ben', allowOverride: false }), 409);
    await expectProblem(
      'POST',
      `/v2/user-tasks/${userTaskKey}/assignment`,
      { assignee: 'ben', allowOverride: false },
      409,
    );
    expect((await client.getUserTask(userTaskKey)).assignee).toBe('anna');

    // overriding is the default
    await client.assignUserTask({ userTaskKey, assignee: 'ben' });
    expect((await client.getUserTask(userTaskKey)).assignee).toBe('ben');

    // without override, assigning to the current assignee is accepted
    await client.assignUserTask({ userTaskKey, assignee: 'ben', allowOverride: false });
    await client.unassignUserTask({ userTaskKey });
    expect((await client.getUserTask(userTaskKey)).assignee).toBeUndefined();
    // an unassigned task can be assigned without override
    await client.assignUserTask({ userTaskKey, assignee: 'carla', allowOverride: false });
    expect((await client.getUserTask(userTaskKey)).assignee).toBe('carla');
  });

  it('updates the due date, candidate groups and priority', async () => {
    const { userTaskKey } = await startReview();
    const res = await patch(userTaskKey, {
      dueDate: '2030-03-01T12:00:00+01:00',
      candidateGroups: ['auditors', 'finance'],
      priority: 90,
    });
    expect(res.status).toBe(204);
    const task = await client.getUserTask(userTaskKey);
    expect(task).toMatchObject({
      dueDate: '2030-03-01T12:00:00+01:00',
      candidateGroups: ['auditors', 'finance'],
      candidateUsers: ['reviewer'],
      priority: 90,
    });
    const auditors = await waitFor(async () => {
      const keys = (await client.searchUserTasks({ filter: { candidateGroup: 'auditors' } })).items.map(
        (t) => t.userTaskKey,
      );
      return keys.includes(userTaskKey) ? keys : undefined;
    });
    expect(auditors).toContain(userTaskKey);
  });

  it('completes with variables: the instance continues with them; a second completion is 404', async () => {
    const { instance, userTaskKey } = await startReview({ amount: 3 });
    await client.completeUserTask({ userTaskKey, variables: { approved: true, comment: '同意' } });
    await waitFor(
      async () =>
        (await recordsOf(engine, instance.processInstanceKey)).some(
          (r) =>
            r.valueType === 'PROCESS_INSTANCE' &&
            r.intent === 'ELEMENT_COMPLETED' &&
            r.value.bpmnElementType === 'PROCESS',
        ),
      { description: 'the instance to complete' },
    );
    const records = await recordsOf(engine, instance.processInstanceKey);
    expect(
      records
        .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED')
        .map((r) => r.value.elementId),
    ).toEqual(['start', 'review', 'end', PROCESS_ID]);
    expect(records.filter((r) => r.valueType === 'USER_TASK').map((r) => r.intent)).toEqual([
      'CREATING',
      'CREATED',
      'COMPLETING',
      'COMPLETED',
    ]);
    expect(await rootVariables(engine, instance.processInstanceKey)).toMatchObject({
      amount: 3,
      approved: true,
      comment: '同意',
    });

    await expectStatus(client.completeUserTask({ userTaskKey }), 404);
    await expectProblem('POST', `/v2/user-tasks/${userTaskKey}/completion`, {}, 404);
    // The query API keeps finished tasks: search and get show this one as completed once exported.
    const completed = await waitFor(async () => {
      const { items } = await client.searchUserTasks({ filter: { processInstanceKey: instance.processInstanceKey } });
      return items[0]?.state === 'COMPLETED' ? items : undefined;
    });
    expect(completed).toEqual([expect.objectContaining({ userTaskKey, state: 'COMPLETED' })]);
    expect(await client.getUserTask(userTaskKey)).toMatchObject({ userTaskKey, state: 'COMPLETED' });
  });

  it('an unknown task is 404 for every operation', async () => {
    const key = '2251799813999999';
    await expectStatus(client.getUserTask(key), 404);
    await expectStatus(client.assignUserTask({ userTaskKey: key, assignee: 'anna' }), 404);
    await expectStatus(client.unassignUserTask({ userTaskKey: key }), 404);
    await expectStatus(client.completeUserTask({ userTaskKey: key }), 404);
    await expectProblem('GET', `/v2/user-tasks/${key}`, undefined, 404);
    await expectProblem('GET', `/v2/user-tasks/${key}/form`, undefined, 404);
    await expectProblem('PATCH', `/v2/user-tasks/${key}`, { changeset: { priority: 10 } }, 404);
    await expectProblem('DELETE', `/v2/user-tasks/${key}/assignee`, undefined, 404);
  });

  it('a bad body is 400 and leaves the task as it was', async () => {
    const { userTaskKey } = await startReview();
    const problem = await expectProblem(
      'PATCH',
      `/v2/user-tasks/${userTaskKey}`,
      { changeset: { priority: 200 } },
      400,
    );
    expect(problem.detail).toMatch(/priority/);
    await expectProblem('PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset: { dueDate: 'soon' } }, 400);
    await expectProblem('PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset: { candidateGroups: 'a,b' } }, 400);
    for (const variables of ['approved', [1, 2], 42]) {
      const p = await expectProblem('POST', `/v2/user-tasks/${userTaskKey}/completion`, { variables }, 400);
      expect(p.detail).toMatch(/variables/);
    }
    await expectProblem('POST', `/v2/user-tasks/${userTaskKey}/completion`, '{ not json', 400);
    await expectProblem('POST', `/v2/user-tasks/${userTaskKey}/assignment`, {}, 400);
    await expectProblem(
      'POST',
      `/v2/user-tasks/${userTaskKey}/assignment`,
      { assignee: 'anna', allowOverride: 'no' },
      400,
    );
    await expectProblem('GET', '/v2/user-tasks/not-a-key', undefined, 400);

    const task = await client.getUserTask(userTaskKey);
    expect(task).toMatchObject({ state: 'CREATED', priority: 50 });
    expect(task.dueDate).toBeUndefined();
  });
});
