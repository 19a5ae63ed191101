/**
 * Element names in the query API: user tasks answer their BPMN element's `name`, element instances their
 * `elementName` (the element id when the element has none), through @camunda8/sdk's CamundaRestClient; the names
 * survive a restart on the same database, and rows exported before the names existed (an upgraded database) get
 * them from the exporter's one-time backfill.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import type { Zeebe } from '@camunda8/sdk';
import { bpmn, chain } from '../events/event-kit';
import { sdkClient } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { runOnProjections, search } from './query-kit';

type Item = Record<string, unknown>;

let engine: EngineProcess;
let zbc: Zeebe.ZeebeGrpcClient;
let rest: CamundaRestClient;
const run = Date.now().toString(36);
const PROCESS = `q-names-${run}`;
const GROUP = `surveyors-${run}`;

const xml = bpmn(
  PROCESS,
  `<bpmn:startEvent id="start" name="受理申请" />
  <bpmn:userTask id="survey" name="现场勘查"><bpmn:extensionElements>
    <zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="${GROUP}" />
  </bpmn:extensionElements></bpmn:userTask>
  <bpmn:userTask id="approve"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:endEvent id="end" name="办结" />
  ${chain('start', 'survey', 'approve', 'end')}`,
)
  .toString()
  .replace(`<bpmn:process id="${PROCESS}"`, `<bpmn:process id="${PROCESS}" name="低压居民新装"`);

const connect = async (): Promise<void> => {
  zbc = sdkClient(engine);
  rest = new CamundaRestClient({
    config: { ZEEBE_REST_ADDRESS: engine.restAddress, ...engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
  });
};

const startInstance = async (): Promise<string> =>
  String((await zbc.createProcessInstance({ bpmnProcessId: PROCESS, variables: {} })).processInstanceKey);

/** The instance's open user task, once the exporter has written it. */
const openTask = (processInstanceKey: string): Promise<Item> =>
  waitFor(
    async () => {
      const res = await rest.searchUserTasks({ filter: { processInstanceKey, state: 'CREATED' } } as never);
      return res.items.length === 1 ? (res.items[0] as unknown as Item) : undefined;
    },
    { description: `an open user task of instance ${processInstanceKey}` },
  );

/** Element id → element name of the instance's element instances, once there are `count` of them. */
const elementNames = (processInstanceKey: string, count: number): Promise<Record<string, string>> =>
  waitFor(
    async () => {
      const res = await rest.searchElementInstances({ filter: { processInstanceKey } } as never);
      if (res.items.length !== count) return undefined;
      return Object.fromEntries(res.items.map((e) => [e.elementId, e.elementName]));
    },
    { description: `${count} element instances of instance ${processInstanceKey}` },
  );

beforeAll(async () => {
  engine = await startEngineProcess();
  await connect();
  await zbc.deployResource({ name: `${PROCESS}.bpmn`, process: Buffer.from(xml) });
}, 60_000);

afterAll(async () => {
  await zbc?.close();
  await engine?.stop();
});

let first = '';

describe('element names', () => {
  it("user task searches and gets answer the element's name, or its id when it has none", async () => {
    first = await startInstance();
    const task = await openTask(first);
    expect(task).toMatchObject({ name: '现场勘查', elementId: 'survey', processDefinitionId: PROCESS });
    const key = String(task.userTaskKey);
    // Open: answered from the engine's live state; completed: from the query API's history.
    expect(await rest.getUserTask(key)).toMatchObject({ name: '现场勘查', elementId: 'survey' });
    const byName = await search(engine, 'user-tasks', {
      filter: { name: '现场勘查', processInstanceKey: first },
    });
    expect(byName.items.map((t) => t.userTaskKey)).toEqual([key]);
    await rest.completeUserTask({ userTaskKey: key } as never);
    expect(await rest.getUserTask(key)).toMatchObject({ name: '现场勘查', state: 'COMPLETED' });

    const next = await openTask(first);
    expect(next).toMatchObject({ name: 'approve', elementId: 'approve' });
    expect(await rest.getUserTask(String(next.userTaskKey))).toMatchObject({ name: 'approve' });
    const sorted = await search(engine, 'user-tasks', {
      filter: { processInstanceKey: first },
      sort: [{ field: 'name', order: 'ASC' }],
    });
    expect(sorted.items.map((t) => t.name)).toEqual(['approve', '现场勘查']);
  });

  it('element instance searches answer elementName, filter and sort by it', async () => {
    // The process instance itself is no element instance (docs/decisions/0020): its name is the definition's.
    expect(await elementNames(first, 3)).toEqual({
      start: '受理申请',
      survey: '现场勘查',
      approve: 'approve',
    });
    const instances = await search(engine, 'process-instances', { filter: { processInstanceKey: first } });
    expect(instances.items.map((i) => i.processDefinitionName)).toEqual(['低压居民新装']);
    const filtered = await rest.searchElementInstances({
      filter: { processInstanceKey: first, elementName: '现场勘查' },
    } as never);
    expect(filtered.items.map((e) => e.elementId)).toEqual(['survey']);
    const sorted = await search(engine, 'element-instances', {
      filter: { processInstanceKey: first },
      sort: [{ field: 'elementName', order: 'DESC' }],
    });
    expect(sorted.items.map((e) => e.elementName)).toEqual(['受理申请', '现场勘查', 'approve'].sort().reverse());
    const survey = (
      await rest.searchElementInstances({
        filter: { processInstanceKey: first, elementId: 'survey' },
      } as never)
    ).items[0];
    expect((await rest.getElementInstance(survey.elementInstanceKey)).elementName).toBe('现场勘查');
  });

  it('keeps answering names after a restart on the same database', async () => {
    await zbc.close();
    await engine.stop();
    engine = await startEngineProcess({ databaseUrl: engine.databaseUrl });
    await connect();
    const second = await startInstance();
    expect(await openTask(second)).toMatchObject({ name: '现场勘查' });
    expect(await elementNames(second, 2)).toEqual({
      start: '受理申请',
      survey: '现场勘查',
    });
    expect(await elementNames(first, 3)).toMatchObject({ survey: '现场勘查', approve: 'approve' });
  }, 60_000);

  it('gives rows exported before names were projected their names on start (an upgraded database)', async () => {
    await zbc.close();
    await engine.stop();
    // As migration 4 leaves an older database: names empty, the backfill pending.
    await runOnProjections(engine.databaseUrl, [
      "UPDATE engine_q_element_instances SET element_name = ''",
      "UPDATE engine_q_user_tasks SET element_name = ''",
      "INSERT INTO engine_q_backfills (name) VALUES ('element_names')",
    ]);
    engine = await startEngineProcess({ databaseUrl: engine.databaseUrl });
    await connect();
    const names = await waitFor(
      async () => {
        const all = await elementNames(first, 3);
        return all.survey === '现场勘查' ? all : undefined;
      },
      { description: 'the backfilled element names' },
    );
    expect(names).toEqual({ start: '受理申请', survey: '现场勘查', approve: 'approve' });
    const taskNames = await waitFor(
      async () => {
        const page = await search(engine, 'user-tasks', {
          filter: { processDefinitionId: PROCESS },
          sort: [{ field: 'creationDate', order: 'ASC' }],
        });
        const list = page.items.map((t) => t.name);
        return list[0] === '现场勘查' ? list : undefined;
      },
      { description: 'the backfilled user task names' },
    );
    expect(taskNames).toEqual(['现场勘查', 'approve', '现场勘查']);
    const pending = await search(engine, 'element-instances', {
      filter: { processDefinitionId: PROCESS, elementName: { $exists: false } },
    });
    expect(pending.page.totalItems).toBe(0);
  }, 60_000);
});
