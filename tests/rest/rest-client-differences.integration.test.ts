/**
 * Where @camunda8/sdk's own REST client (CamundaRestClient, as camunda8.getCamundaRestClient() gives it) met an answer
 * Zeebe would not give (docs/decisions/0020): modification with the SDK's default ancestor "-1", models whose
 * diagram draws elements that no longer exist, and which element instances a search returns in which order.
 */
import { CamundaRestClient, type Zeebe } from '@camunda8/sdk';
import path from 'node:path';
import { bpmn, chain, serviceTask, startEvent } from '../events/event-kit';
import { sdkClient } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';

const BROKEN_DIAGRAM = path.join(__dirname, '..', '..', 'engine', 'model', 'fixtures', 'broken-diagram.bpmn');
const run = Date.now().toString(36);
const FORK = `rest-diff-fork-${run}`;

let engine: EngineProcess;
let client: CamundaRestClient;
let zbc: Zeebe.ZeebeGrpcClient;

beforeAll(async () => {
  engine = await startEngineProcess();
  client = new CamundaRestClient({
    config: { ZEEBE_REST_ADDRESS: engine.restAddress, ...engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
  });
  zbc = sdkClient(engine);
  const forkXml = bpmn(
    FORK,
    `${startEvent()}<bpmn:parallelGateway id="fork" />
    ${serviceTask('a', `${FORK}-a`)}${serviceTask('b', `${FORK}-b`)}
    ${chain('start', 'fork', 'a')}${chain('fork', 'b')}`,
  );
  await client.deployResources([{ name: `${FORK}.bpmn`, content: forkXml.toString() }]);
}, 60_000);

afterAll(async () => {
  await zbc?.close();
  await engine?.stop();
});

type ElementInstance = Awaited<ReturnType<CamundaRestClient['searchElementInstances']>>['items'][number];

/** The element instances of one process instance, once `count` of them are exported. */
async function elementInstancesOf(
  processInstanceKey: string,
  count: number,
  sort?: Array<{ field: 'startDate' | 'elementId'; order: 'ASC' | 'DESC' }>,
): Promise<ElementInstance[]> {
  return waitFor(
    async () => {
      const page = await client.searchElementInstances({ filter: { processInstanceKey }, sort });
      return page.items.length === count ? page.items : undefined;
    },
    { description: `${count} element instances of ${processInstanceKey}` },
  );
}

describe('process-instance modification through the SDK REST client', () => {
  it('accepts the ancestor "-1" (none given) and activates the element in its only flow scope', async () => {
    const { processInstanceKey } = await client.createProcessInstance({ processDefinitionId: FORK, variables: {} });
    await elementInstancesOf(processInstanceKey, 4);
    await client.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'a', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
    });
    const items = await elementInstancesOf(processInstanceKey, 5);
    expect(items.filter((i) => i.elementId === 'a' && i.state === 'ACTIVE')).toHaveLength(2);
  });

  it('still refuses an ancestor that is not an active instance of the flow scope', async () => {
    const { processInstanceKey } = await client.createProcessInstance({ processDefinitionId: FORK, variables: {} });
    const [start] = (await elementInstancesOf(processInstanceKey, 4)).filter((i) => i.elementId === 'start');
    await expect(
      client.modifyProcessInstance({
        processInstanceKey,
        activateInstructions: [{ elementId: 'a', ancestorElementInstanceKey: start.elementInstanceKey }],
      }),
    ).rejects.toThrow(/not an active instance/);
  });
});

describe('deploying a model whose diagram refers to elements that do not exist', () => {
  it('deploys through REST, runs, and names the ignored shapes in the log', async () => {
    const deployed = await client.deployResourcesFromFiles([BROKEN_DIAGRAM]);
    expect(deployed.processes.map((p) => p.processDefinitionId)).toEqual(['broken-diagram']);
    const { processInstanceKey } = await client.createProcessInstance({
      processDefinitionId: 'broken-diagram',
      variables: {},
    });
    const items = await elementInstancesOf(processInstanceKey, 2);
    expect(items.map((i) => i.elementId).sort()).toEqual(['start', 'work']);
    expect(engine.output()).toContain(
      "engine: deploying 'broken-diagram.bpmn': the diagram element 'deleted_di' refers to 'deletedTask', which does not exist",
    );
  });

  it('deploys through gRPC too', async () => {
    const deployed = await zbc.deployResource({ processFilename: BROKEN_DIAGRAM });
    expect(deployed.deployments.map((d) => ('process' in d ? d.process.bpmnProcessId : ''))).toEqual([
      'broken-diagram',
    ]);
  });

  it('still rejects a broken reference in the executable part', async () => {
    const xml = (await import('node:fs'))
      .readFileSync(BROKEN_DIAGRAM, 'utf8')
      .replace('targetRef="end"', 'targetRef="nowhere"');
    await expect(client.deployResources([{ name: 'broken-flow.bpmn', content: xml }])).rejects.toThrow(
      /element 'work_end': its target refers to 'nowhere', which does not exist/,
    );
  });
});

describe('element-instance search as Camunda answers it', () => {
  afterEach(async () => {
    await client.resetClock();
  });

  it('returns the flow nodes, not the process instance, and a get by the instance key finds none', async () => {
    const { processInstanceKey } = await client.createProcessInstance({ processDefinitionId: FORK, variables: {} });
    const items = await elementInstancesOf(processInstanceKey, 4);
    expect(items.map((i) => i.type).sort()).toEqual([
      'PARALLEL_GATEWAY',
      'SERVICE_TASK',
      'SERVICE_TASK',
      'START_EVENT',
    ]);
    const processes = await client.searchElementInstances({ filter: { processInstanceKey, type: 'PROCESS' } });
    expect(processes.page.totalItems).toBe(0);
    await expect(client.getElementInstance(processInstanceKey)).rejects.toThrow(/404|not found/i);
    const task = items.find((i) => i.elementId === 'a')!;
    expect(await client.getElementInstance(task.elementInstanceKey)).toMatchObject({ elementId: 'a' });
  });

  it('orders rows whose sort keys tie by key, ascending, in either direction of the sort', async () => {
    await client.pinInternalClock(Date.parse('2026-06-01T08:00:00Z'));
    const { processInstanceKey } = await client.createProcessInstance({ processDefinitionId: FORK, variables: {} });
    const byKey = (list: ElementInstance[]) =>
      [...list].sort((x, y) => (BigInt(x.elementInstanceKey) < BigInt(y.elementInstanceKey) ? -1 : 1));
    // The clock is pinned: every element instance starts at the same time, so startDate ties everywhere.
    for (const order of ['ASC', 'DESC'] as const) {
      const items = await elementInstancesOf(processInstanceKey, 4, [{ field: 'startDate', order }]);
      expect(new Set(items.map((i) => i.startDate)).size).toBe(1);
      expect(items.map((i) => i.elementInstanceKey)).toEqual(byKey(items).map((i) => i.elementInstanceKey));
    }
    // Two tasks share a type: they come in key order after the sort on type.
    const byType = await client.searchElementInstances({
      filter: { processInstanceKey, type: 'SERVICE_TASK' },
      sort: [{ field: 'type', order: 'DESC' }],
    });
    expect(byType.items.map((i) => i.elementInstanceKey)).toEqual(byKey(byType.items).map((i) => i.elementInstanceKey));
  });
});
