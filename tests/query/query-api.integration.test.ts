/**
 * The query API (docs/decisions/0007) as a black box: processes run through gRPC (@camunda8/sdk), searches go to
 * REST v2 (CamundaRestClient where it has the method, fetch otherwise). The projections are eventually
 * consistent, so every first read waits for what it expects.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import type { Zeebe } from '@camunda8/sdk';
import { bpmn, chain, endEvent, startEvent } from '../events/event-kit';
import { sdkClient } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { get, post, search, walkPages, wipeProjections, type Page } from './query-kit';

type Item = Record<string, unknown>;

let engine: EngineProcess;
let zbc: Zeebe.ZeebeGrpcClient;
let rest: CamundaRestClient;
const run = Date.now().toString(36);
const PASS = `query-pass-${run}`;
const REVIEW = `query-review-${run}`;
const GATEWAY = `query-gateway-${run}`;
const WORK = `query-work-${run}`;
const groups = [`g1-${run}`, `g2-${run}`];
const passKeys: string[] = [];
const reviewKeys: string[] = [];
let passDefinitionKey = '';
let gatewayInstance = '';

const passXml = bpmn(PASS, `${startEvent()}${endEvent()}${chain('start', 'end')}`)
  .toString()
  .replace(`<bpmn:process id="${PASS}"`, `<bpmn:process id="${PASS}" name="Pass through"`);
const reviewXml = bpmn(
  REVIEW,
  `${startEvent()}
  <bpmn:userTask id="review"><bpmn:extensionElements>
    <zeebe:userTask />
    <zeebe:assignmentDefinition candidateGroups="=group" />
    <zeebe:taskSchedule dueDate="=due" />
  </bpmn:extensionElements></bpmn:userTask>
  <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="${WORK}" /></bpmn:extensionElements></bpmn:serviceTask>
  ${endEvent()}${chain('start', 'review', 'work', 'end')}`,
);
const gatewayXml = bpmn(
  GATEWAY,
  `${startEvent()}<bpmn:exclusiveGateway id="route" />${endEvent()}${chain('start', 'route')}
  <bpmn:sequenceFlow id="route_end" sourceRef="route" targetRef="end">
    <bpmn:conditionExpression>=x &gt; 1</bpmn:conditionExpression>
  </bpmn:sequenceFlow>`,
);

const due = (i: number) => new Date(Date.UTC(2030, 0, 1 + i)).toISOString();

async function startAll(): Promise<void> {
  const deployed = await zbc.deployResource({ name: `${PASS}.bpmn`, process: Buffer.from(passXml) });
  passDefinitionKey = String(deployed.deployments[0].process.processDefinitionKey);
  await zbc.deployResource({ name: `${REVIEW}.bpmn`, process: reviewXml });
  await zbc.deployResource({ name: `${GATEWAY}.bpmn`, process: gatewayXml });
  for (let i = 0; i < 12; i++) {
    const instance = await zbc.createProcessInstance({
      bpmnProcessId: PASS,
      variables: { applicationNo: `APP-${run}-${i}`, amount: i },
    });
    passKeys.push(String(instance.processInstanceKey));
  }
  // Six review tasks, alternating between two groups, due on days 6, 5, ..., 1 (so creation and due order differ).
  for (let i = 0; i < 6; i++) {
    const instance = await zbc.createProcessInstance({
      bpmnProcessId: REVIEW,
      variables: { group: groups[i % 2], due: due(6 - i) },
    });
    reviewKeys.push(String(instance.processInstanceKey));
  }
  gatewayInstance = String(
    (await zbc.createProcessInstance({ bpmnProcessId: GATEWAY, variables: { x: 0 } })).processInstanceKey,
  );
}

beforeAll(async () => {
  engine = await startEngineProcess();
  zbc = sdkClient(engine);
  rest = new CamundaRestClient({
    config: { ZEEBE_REST_ADDRESS: engine.restAddress, ...engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
  });
  await startAll();
}, 60_000);

afterAll(async () => {
  await zbc?.close();
  await engine?.stop();
});

const base = () => engine;

async function waitForTotal(resource: string, filter: unknown, total: number): Promise<Page> {
  return waitFor(
    async () => {
      const page = await search(base(), resource, { filter });
      return page.page.totalItems === total ? page : undefined;
    },
    { description: `${total} ${resource} matching ${JSON.stringify(filter)}` },
  );
}

describe('process instances', () => {
  it('searches by definition and state, with keys as strings and ISO dates', async () => {
    const page = await waitForTotal('process-instances', { processDefinitionId: PASS, state: 'COMPLETED' }, 12);
    expect(page.items).toHaveLength(12);
    expect(page.items[0]).toMatchObject({
      processDefinitionId: PASS,
      processDefinitionName: 'Pass through',
      processDefinitionVersion: 1,
      processDefinitionKey: passDefinitionKey,
      state: 'COMPLETED',
      hasIncident: false,
      tenantId: '<default>',
    });
    expect(typeof page.items[0].processInstanceKey).toBe('string');
    expect(Date.parse(String(page.items[0].endDate))).toBeGreaterThanOrEqual(
      Date.parse(String(page.items[0].startDate)),
    );
    expect(page.items.map((i) => i.processInstanceKey)).toEqual([...passKeys].sort((a, b) => Number(a) - Number(b)));
  });

  it('through the SDK client, and by key', async () => {
    await waitForTotal('process-instances', { processDefinitionId: PASS }, 12);
    const res = await rest.searchProcessInstances({
      filter: { processDefinitionId: PASS },
      page: { limit: 3 },
    } as never);
    expect(res.items).toHaveLength(3);
    expect(res.page.totalItems).toBe(12);
    const one = await get(base(), `/process-instances/${passKeys[4]}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ processInstanceKey: passKeys[4], state: 'COMPLETED' });
    expect((await get(base(), '/process-instances/1')).status).toBe(404);
  });

  it("finds instances by a variable's value", async () => {
    const page = await waitForTotal(
      'process-instances',
      { variables: [{ name: 'applicationNo', value: JSON.stringify(`APP-${run}-7`) }] },
      1,
    );
    expect(page.items[0].processInstanceKey).toBe(passKeys[7]);
    const like = await search(base(), 'process-instances', {
      filter: { processDefinitionId: PASS, variables: [{ name: 'applicationNo', value: { $like: `*${run}-1*` } }] },
    });
    expect(like.items.map((i) => i.processInstanceKey).sort()).toEqual(
      [passKeys[1], passKeys[10], passKeys[11]].sort(),
    );
  });

  it('sorts and walks all pages with cursors, forwards and back', async () => {
    await waitForTotal('process-instances', { processDefinitionId: PASS }, 12);
    const sort = [{ field: 'startDate', order: 'DESC' }];
    const all = await search(base(), 'process-instances', { filter: { processDefinitionId: PASS }, sort });
    const starts = all.items.map((i) => Date.parse(String(i.startDate)));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    const walked = await walkPages<Item>(
      base(),
      'process-instances',
      { filter: { processDefinitionId: PASS }, sort },
      5,
    );
    expect(walked.pages).toBe(3);
    expect(walked.items.map((i) => i.processInstanceKey)).toEqual(all.items.map((i) => i.processInstanceKey));

    const second = await search(base(), 'process-instances', {
      filter: { processDefinitionId: PASS },
      sort,
      page: {
        limit: 5,
        after: (
          await search(base(), 'process-instances', { filter: { processDefinitionId: PASS }, sort, page: { limit: 5 } })
        ).page.endCursor,
      },
    });
    const back = await search(base(), 'process-instances', {
      filter: { processDefinitionId: PASS },
      sort,
      page: { limit: 5, before: second.page.startCursor },
    });
    expect(back.items.map((i) => i.processInstanceKey)).toEqual(all.items.slice(0, 5).map((i) => i.processInstanceKey));
    const offset = await search(base(), 'process-instances', {
      filter: { processDefinitionId: PASS },
      sort,
      page: { from: 10, limit: 5 },
    });
    expect(offset.items.map((i) => i.processInstanceKey)).toEqual(all.items.slice(10).map((i) => i.processInstanceKey));
  });

  it('filters by date range and key lists', async () => {
    const all = await waitForTotal('process-instances', { processDefinitionId: PASS }, 12);
    const sorted = all.items.map((i) => String(i.startDate)).sort();
    const inRange = await search(base(), 'process-instances', {
      filter: { processDefinitionId: PASS, startDate: { $gte: sorted[0], $lte: sorted[11] } },
    });
    expect(inRange.page.totalItems).toBe(12);
    const none = await search(base(), 'process-instances', {
      filter: { processDefinitionId: PASS, startDate: { $lt: sorted[0] } },
    });
    expect(none.page.totalItems).toBe(0);
    const some = await search(base(), 'process-instances', {
      filter: { processInstanceKey: { $in: passKeys.slice(0, 2) } },
    });
    expect(some.page.totalItems).toBe(2);
  });

  it('refuses unknown filter fields, operators and sort fields with a 400 naming them', async () => {
    const res = await post<{ detail: string }>(base(), '/process-instances/search', {
      filter: { colour: 'red', state: 'ACTIVE' },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain("'colour'");
    const op = await post<{ detail: string }>(base(), '/process-instances/search', {
      filter: { state: { $near: 'x' } },
    });
    expect(op.status).toBe(400);
    expect(op.body.detail).toContain("'$near'");
    const sort = await post<{ detail: string }>(base(), '/process-instances/search', { sort: [{ field: 'colour' }] });
    expect(sort.status).toBe(400);
    expect(sort.body.detail).toContain("'colour'");
    const date = await post<{ detail: string }>(base(), '/process-instances/search', {
      filter: { startDate: { $gt: 'yesterday' } },
    });
    expect(date.status).toBe(400);
  });
});

describe('user tasks', () => {
  it('searches a candidate group sorted by due date, through the SDK', async () => {
    await waitForTotal('user-tasks', { candidateGroup: groups[0], state: 'CREATED' }, 3);
    const res = await rest.searchUserTasks({
      filter: { candidateGroup: groups[0], state: 'CREATED' },
      sort: [{ field: 'dueDate', order: 'ASC' }],
    } as never);
    const dues = res.items.map((t) => t.dueDate);
    expect(dues).toEqual([due(2), due(4), due(6)].map((d) => new Date(d).toISOString()));
    expect(res.items[0]).toMatchObject({
      candidateGroups: [groups[0]],
      processDefinitionId: REVIEW,
      elementId: 'review',
    });
    // A group asked as a list of one (as the tasklist asks for a clerk in one group) finds the same tasks, in order.
    const listed = await rest.searchUserTasks({
      filter: { candidateGroup: { $in: [groups[0]] }, state: 'CREATED' },
      sort: [{ field: 'dueDate', order: 'ASC' }],
    } as never);
    expect(listed.items.map((t) => t.userTaskKey)).toEqual(res.items.map((t) => t.userTaskKey));
    expect(listed.page.totalItems).toBe(3);
    // The group's count with a condition on the task itself counts only the tasks meeting it.
    const one = await rest.searchUserTasks({
      filter: { candidateGroup: groups[0], state: 'CREATED', processInstanceKey: res.items[0].processInstanceKey },
    } as never);
    expect(one.items.map((t) => t.userTaskKey)).toEqual([res.items[0].userTaskKey]);
    expect(one.page.totalItems).toBe(1);
  });

  it('keeps completed tasks, filters by state and assignee, and pages by due date', async () => {
    const open = await waitForTotal('user-tasks', { processDefinitionId: REVIEW, state: 'CREATED' }, 6);
    const task = open.items.find((t) => t.processInstanceKey === reviewKeys[0])!;
    await rest.assignTask({ userTaskKey: String(task.userTaskKey), assignee: 'zhang' } as never);
    await rest.completeUserTask({ userTaskKey: String(task.userTaskKey) } as never);
    const done = await waitForTotal('user-tasks', { processDefinitionId: REVIEW, state: 'COMPLETED' }, 1);
    expect(done.items[0]).toMatchObject({ userTaskKey: task.userTaskKey, state: 'COMPLETED', assignee: 'zhang' });
    expect(done.items[0].completionDate).toBeDefined();
    const mine = await search(base(), 'user-tasks', { filter: { assignee: 'zhang', processDefinitionId: REVIEW } });
    expect(mine.page.totalItems).toBe(1);
    const walked = await walkPages<Item>(
      base(),
      'user-tasks',
      { filter: { processDefinitionId: REVIEW }, sort: [{ field: 'dueDate', order: 'DESC' }] },
      2,
    );
    expect(walked.items.map((t) => t.dueDate)).toEqual([6, 5, 4, 3, 2, 1].map(due));
    const group2 = await walkPages<Item>(
      base(),
      'user-tasks',
      { filter: { candidateGroup: groups[1] }, sort: [{ field: 'dueDate', order: 'ASC' }] },
      1,
    );
    expect(group2.items.map((t) => t.dueDate)).toEqual([1, 3, 5].map(due));
  });
});

describe('incidents, variables, element instances, definitions, jobs', () => {
  it('shows an incident, the instance has one, and resolution is seen', async () => {
    const page = await waitForTotal('incidents', { processInstanceKey: gatewayInstance }, 1);
    const incident = page.items[0];
    expect(incident).toMatchObject({
      errorType: 'CONDITION_ERROR',
      elementId: 'route',
      state: 'ACTIVE',
      processDefinitionId: GATEWAY,
    });
    expect((await get(base(), `/incidents/${String(incident.incidentKey)}`)).body).toMatchObject({ state: 'ACTIVE' });
    const withIncident = await search(base(), 'process-instances', {
      filter: { processDefinitionId: GATEWAY, hasIncident: true },
    });
    expect(withIncident.items.map((i) => i.processInstanceKey)).toEqual([gatewayInstance]);

    await zbc.setVariables({ elementInstanceKey: gatewayInstance, variables: { x: 5 }, local: false });
    await zbc.resolveIncident({ incidentKey: String(incident.incidentKey) });
    await waitForTotal('incidents', { processInstanceKey: gatewayInstance, state: 'RESOLVED' }, 1);
    await waitForTotal(
      'process-instances',
      { processInstanceKey: gatewayInstance, state: 'COMPLETED', hasIncident: false },
      1,
    );
  });

  it('searches and gets variables', async () => {
    const page = await waitForTotal('variables', { processInstanceKey: passKeys[3] }, 2);
    expect(page.items.map((v) => v.name).sort()).toEqual(['amount', 'applicationNo']);
    const amount = page.items.find((v) => v.name === 'amount')!;
    expect(amount).toMatchObject({
      value: '3',
      scopeKey: passKeys[3],
      processInstanceKey: passKeys[3],
      isTruncated: false,
    });
    expect((await get(base(), `/variables/${String(amount.variableKey)}`)).body).toMatchObject({
      name: 'amount',
      value: '3',
    });
    const res = await rest.searchVariables({
      filter: { name: 'applicationNo', value: JSON.stringify(`APP-${run}-5`) },
    } as never);
    expect(res.items.map((v) => v.processInstanceKey)).toEqual([passKeys[5]]);
  });

  it('searches and gets element instances', async () => {
    // The flow nodes, not the process instance itself (docs/decisions/0020).
    const page = await waitForTotal('element-instances', { processInstanceKey: passKeys[0] }, 2);
    const sorted = await search(base(), 'element-instances', {
      filter: { processInstanceKey: passKeys[0] },
      sort: [{ field: 'elementId', order: 'ASC' }],
    });
    expect(sorted.items.map((e) => e.elementId)).toEqual(['end', 'start']);
    const start = page.items.find((e) => e.elementId === 'start')!;
    expect(start).toMatchObject({
      type: 'START_EVENT',
      state: 'COMPLETED',
      processDefinitionId: PASS,
      hasIncident: false,
    });
    expect((await get(base(), `/element-instances/${String(start.elementInstanceKey)}`)).body).toMatchObject({
      elementId: 'start',
    });
    const tasks = await waitForTotal(
      'element-instances',
      { processDefinitionId: REVIEW, type: 'USER_TASK', state: 'ACTIVE' },
      5,
    );
    expect(tasks.items.every((e) => e.elementId === 'review')).toBe(true);
  });

  it('searches definitions, gets one and its XML, and counts per element', async () => {
    const defs = await waitForTotal('process-definitions', { processDefinitionId: PASS }, 1);
    expect(defs.items[0]).toMatchObject({
      processDefinitionKey: passDefinitionKey,
      name: 'Pass through',
      version: 1,
      resourceName: `${PASS}.bpmn`,
    });
    const latest = await search(base(), 'process-definitions', {
      filter: { isLatestVersion: true, processDefinitionId: { $in: [PASS, REVIEW] } },
      sort: [{ field: 'processDefinitionId', order: 'DESC' }],
    });
    expect(latest.items.map((d) => d.processDefinitionId)).toEqual([REVIEW, PASS].sort().reverse());
    expect((await get(base(), `/process-definitions/${passDefinitionKey}`)).body).toMatchObject({
      processDefinitionId: PASS,
    });
    const xml = await get<string>(base(), `/process-definitions/${passDefinitionKey}/xml`);
    expect(xml.body).toContain(`id="${PASS}"`);

    const stats = await waitFor(async () => {
      const res = await get<{ items: Item[] }>(
        base(),
        `/process-definitions/${passDefinitionKey}/statistics/element-instances`,
      );
      return res.body.items.find((s) => s.elementId === 'end')?.completed === 12 ? res.body.items : undefined;
    });
    expect(stats).toEqual([
      { elementId: 'end', active: 0, completed: 12, canceled: 0, incidents: 0 },
      { elementId: 'start', active: 0, completed: 12, canceled: 0, incidents: 0 },
    ]);
  });

  it('searches jobs', async () => {
    await waitFor(
      async () =>
        (await search(base(), 'user-tasks', { filter: { state: 'COMPLETED', processDefinitionId: REVIEW } })).items
          .length === 1,
    );
    const jobs = await waitForTotal('jobs', { type: WORK }, 1);
    expect(jobs.items[0]).toMatchObject({
      type: WORK,
      state: 'CREATED',
      elementId: 'work',
      processInstanceKey: reviewKeys[0],
      kind: 'BPMN_ELEMENT',
    });
  });
});

describe('durability', () => {
  it('rebuilds the projections from the log after a restart', async () => {
    await waitForTotal('process-instances', { processDefinitionId: PASS }, 12);
    await zbc.close();
    await engine.stop();
    await wipeProjections(engine.databaseUrl);
    engine = await startEngineProcess({ databaseUrl: engine.databaseUrl });
    zbc = sdkClient(engine);
    await waitForTotal('process-instances', { processDefinitionId: PASS }, 12);
    await waitForTotal('user-tasks', { candidateGroup: groups[1], state: 'CREATED' }, 3);
    const page = await waitForTotal('variables', { name: 'applicationNo', value: JSON.stringify(`APP-${run}-2`) }, 1);
    expect(page.items[0].processInstanceKey).toBe(passKeys[2]);
    await waitForTotal('incidents', { processInstanceKey: gatewayInstance, state: 'RESOLVED' }, 1);
  }, 60_000);
});
