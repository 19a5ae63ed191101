/**
 * The query API's decision, call-tree and per-instance endpoints (docs/decisions/0007): decisions deployed and
 * evaluated through gRPC (@camunda8/sdk), read back through REST v2; eventually consistent, so first reads wait.
 */
import type { Zeebe } from '@camunda8/sdk';
import { fixture } from '../engine/engine-kit';
import { bpmn, chain, endEvent, startEvent } from '../events/event-kit';
import { sdkClient } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { get, post, search, type Page } from './query-kit';

type Item = Record<string, unknown>;

let engine: EngineProcess;
let zbc: Zeebe.ZeebeGrpcClient;
const run = Date.now().toString(36);
const PARENT = `q-parent-${run}`;
const CHILD = `q-child-${run}`;
const TASK = `q-task-${run}`;
const WAIT = `q-wait-${run}`;
let requirementsKey = '';
let evaluationKey = '';
let parentKey = '';
let taskInstanceKey = '';
let otherTaskInstanceKey = '';
let waitInstanceKey = '';

const childXml = bpmn(
  CHILD,
  `${startEvent()}<bpmn:exclusiveGateway id="route" />${endEvent()}${chain('start', 'route')}
  <bpmn:sequenceFlow id="route_end" sourceRef="route" targetRef="end">
    <bpmn:conditionExpression>=x &gt; 1</bpmn:conditionExpression>
  </bpmn:sequenceFlow>`,
);
const parentXml = bpmn(
  PARENT,
  `${startEvent()}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="${CHILD}" /></bpmn:extensionElements></bpmn:callActivity>${endEvent()}${chain('start', 'call', 'end')}`,
)
  .toString()
  .replace(`<bpmn:process id="${PARENT}"`, `<bpmn:process id="${PARENT}" name="Parent"`);
const taskXml = bpmn(
  TASK,
  `${startEvent()}
  <bpmn:userTask id="review"><bpmn:extensionElements>
    <zeebe:userTask />
    <zeebe:ioMapping><zeebe:input source="=amount * 2" target="doubled" /></zeebe:ioMapping>
  </bpmn:extensionElements></bpmn:userTask>
  ${endEvent()}${chain('start', 'review', 'end')}`,
);
const waitXml = bpmn(
  WAIT,
  `${startEvent()}<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>${endEvent()}${chain('start', 'wait', 'end')}`,
  `<bpmn:message id="msg" name="paid-${run}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>`,
);

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

beforeAll(async () => {
  engine = await startEngineProcess();
  zbc = sdkClient(engine);
  const deployed = await zbc.deployResource({ name: 'hr-fee.dmn', decision: fixture('hr-fee.dmn') });
  requirementsKey = String(
    (deployed.deployments.find((d) => 'decisionRequirements' in d) as { decisionRequirements: Item })
      .decisionRequirements.decisionRequirementsKey,
  );
  const evaluated = await zbc.evaluateDecision({
    decisionId: 'highReliabilityFee',
    variables: {
      voltageKv: 20,
      lineType: 'overhead',
      externalWorksBuiltBy: 'supplier',
      circuitsInterconnected: true,
      capacityKva: 1000,
    },
  });
  // The gRPC reply carries decisionInstanceKey (the SDK type leaves it out).
  evaluationKey = String((evaluated as unknown as { decisionInstanceKey: string }).decisionInstanceKey);
  await zbc.deployResource({ name: `${CHILD}.bpmn`, process: childXml });
  await zbc.deployResource({ name: `${PARENT}.bpmn`, process: Buffer.from(parentXml) });
  await zbc.deployResource({ name: `${TASK}.bpmn`, process: taskXml });
  await zbc.deployResource({ name: `${WAIT}.bpmn`, process: waitXml });
  parentKey = String(
    (await zbc.createProcessInstance({ bpmnProcessId: PARENT, variables: { x: 0 } })).processInstanceKey,
  );
  taskInstanceKey = String(
    (await zbc.createProcessInstance({ bpmnProcessId: TASK, variables: { amount: 21 } })).processInstanceKey,
  );
  otherTaskInstanceKey = String(
    (await zbc.createProcessInstance({ bpmnProcessId: TASK, variables: { amount: 1 } })).processInstanceKey,
  );
  waitInstanceKey = String(
    (await zbc.createProcessInstance({ bpmnProcessId: WAIT, variables: { orderId: `o-${run}` } })).processInstanceKey,
  );
}, 60_000);

afterAll(async () => {
  await zbc?.close();
  await engine?.stop();
});

describe('decision definitions and requirements', () => {
  it('searches, gets and serves the DMN XML', async () => {
    const page = await waitForTotal('decision-definitions', { decisionRequirementsKey: requirementsKey }, 2);
    expect(page.items.map((d) => d.decisionDefinitionId).sort()).toEqual(['feePerKva', 'highReliabilityFee']);
    const fee = page.items.find((d) => d.decisionDefinitionId === 'highReliabilityFee')!;
    expect(fee).toMatchObject({
      name: 'High-reliability supply fee',
      version: 1,
      decisionRequirementsId: 'high-reliability-fee',
      decisionRequirementsKey: requirementsKey,
      tenantId: '<default>',
    });
    const sorted = await search(base(), 'decision-definitions', {
      filter: { decisionRequirementsKey: requirementsKey },
      sort: [{ field: 'decisionDefinitionId', order: 'DESC' }],
      page: { limit: 1 },
    });
    expect(sorted.items.map((d) => d.decisionDefinitionId)).toEqual(['highReliabilityFee']);
    expect(sorted.page.totalItems).toBe(2);
    const one = await get(base(), `/decision-definitions/${String(fee.decisionDefinitionKey)}`);
    expect(one.body).toEqual(fee);
    const xml = await get<string>(base(), `/decision-definitions/${String(fee.decisionDefinitionKey)}/xml`);
    expect(xml.status).toBe(200);
    expect(xml.body).toBe(fixture('hr-fee.dmn').toString());
    expect((await get(base(), '/decision-definitions/1')).status).toBe(404);
    expect((await post(base(), '/decision-definitions/search', { filter: { nope: 1 } })).status).toBe(400);
  });

  it('searches decision requirements', async () => {
    const page = await waitForTotal('decision-requirements', { decisionRequirementsId: 'high-reliability-fee' }, 1);
    expect(page.items[0]).toEqual({
      decisionRequirementsKey: requirementsKey,
      decisionRequirementsId: 'high-reliability-fee',
      decisionRequirementsName: '高可靠性供电费 High-reliability supply fee',
      version: 1,
      resourceName: 'hr-fee.dmn',
      tenantId: '<default>',
    });
  });
});

describe('decision instances', () => {
  it('keeps one instance per decision evaluated, with hand-computed results', async () => {
    const page = await waitForTotal('decision-instances', { decisionEvaluationKey: evaluationKey }, 2);
    // The required decision first: 20 kV overhead, works by the supplier: 190 per kVA; times 1000 kVA.
    expect(page.items.map((i) => [i.decisionEvaluationInstanceKey, i.decisionDefinitionId, i.result])).toEqual([
      [`${evaluationKey}-1`, 'feePerKva', '190'],
      [`${evaluationKey}-2`, 'highReliabilityFee', '190000'],
    ]);
    expect(page.items[0]).toMatchObject({
      state: 'EVALUATED',
      decisionDefinitionType: 'DECISION_TABLE',
      decisionDefinitionVersion: 1,
      decisionEvaluationKey: evaluationKey,
      tenantId: '<default>',
    });
    expect(page.items[1].decisionDefinitionType).toBe('LITERAL_EXPRESSION');
    expect(page.items[0].processInstanceKey).toBeUndefined();
    expect(Number.isNaN(Date.parse(String(page.items[0].evaluationDate)))).toBe(false);

    const byName = await search(base(), 'decision-instances', {
      filter: { decisionDefinitionId: 'feePerKva', state: 'EVALUATED' },
      sort: [{ field: 'evaluationDate', order: 'DESC' }],
    });
    expect(byName.items.map((i) => i.decisionEvaluationInstanceKey)).toEqual([`${evaluationKey}-1`]);
  });

  it('gets one with its evaluated inputs and matched rule', async () => {
    await waitForTotal('decision-instances', { decisionEvaluationKey: evaluationKey }, 2);
    const one = await get<Item>(base(), `/decision-instances/${evaluationKey}-1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ decisionEvaluationInstanceKey: `${evaluationKey}-1`, result: '190' });
    expect(one.body.evaluatedInputs).toEqual([
      { inputId: 'Input_voltage', inputName: 'Voltage level (kV)', inputValue: '20' },
      { inputId: 'Input_lineType', inputName: 'Line type', inputValue: '"overhead"' },
      { inputId: 'Input_externalWorks', inputName: 'External works built by', inputValue: '"supplier"' },
      { inputId: 'Input_interconnected', inputName: 'Circuits electrically interconnected', inputValue: 'true' },
    ]);
    expect(one.body.matchedRules).toEqual([
      {
        ruleId: 'Rule_20kv_overhead_supplier',
        ruleIndex: 1,
        evaluatedOutputs: [{ outputId: 'Output_fee', outputName: 'feePerKva', outputValue: '190' }],
      },
    ]);
    expect((await get(base(), `/decision-instances/${evaluationKey}-9`)).status).toBe(404);
    expect((await get(base(), '/decision-instances/abc')).status).toBe(400);
  });
});

describe('call trees', () => {
  let childKey = '';
  beforeAll(async () => {
    const page = await waitForTotal('process-instances', { parentProcessInstanceKey: parentKey }, 1);
    childKey = String(page.items[0].processInstanceKey);
  });

  it('answers the call hierarchy from the root down to the instance', async () => {
    const res = await get<Item[]>(base(), `/process-instances/${childKey}/call-hierarchy`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { processInstanceKey: parentKey, processDefinitionKey: expect.any(String), processDefinitionName: 'Parent' },
      { processInstanceKey: childKey, processDefinitionKey: expect.any(String), processDefinitionName: CHILD },
    ]);
    const root = await get<Item[]>(base(), `/process-instances/${parentKey}/call-hierarchy`);
    expect(root.body.map((e) => e.processInstanceKey)).toEqual([parentKey]);
    expect((await get(base(), '/process-instances/1/call-hierarchy')).status).toBe(404);
  });

  it("shows a called child's incident on the root, and among the root's incidents", async () => {
    await waitForTotal('incidents', { processInstanceKey: childKey }, 1);
    const parent = await waitFor(
      async () => {
        const res = await get<Item>(base(), `/process-instances/${parentKey}`);
        return res.body.hasIncident === true ? res.body : undefined;
      },
      { description: 'the root has an incident' },
    );
    expect(parent.state).toBe('ACTIVE');
    const hasIncident = await search(base(), 'process-instances', {
      filter: { processDefinitionId: PARENT, hasIncident: true },
    });
    expect(hasIncident.items.map((i) => i.processInstanceKey)).toEqual([parentKey]);
    const incidents = await post<Page>(base(), `/process-instances/${parentKey}/incidents/search`, {});
    expect(incidents.status).toBe(200);
    expect(incidents.body.items).toHaveLength(1);
    expect(incidents.body.items[0]).toMatchObject({ processInstanceKey: childKey, elementId: 'route' });
    const ofChild = await post<Page>(base(), `/process-instances/${childKey}/incidents/search`, {
      filter: { state: 'ACTIVE' },
    });
    expect(ofChild.body.items).toHaveLength(1);
    const none = await post<Page>(base(), `/process-instances/${taskInstanceKey}/incidents/search`, {});
    expect(none.body.items).toHaveLength(0);
  });

  it('counts element instances per element of one instance', async () => {
    await waitForTotal('incidents', { processInstanceKey: childKey }, 1);
    const res = await get<{ items: Item[] }>(base(), `/process-instances/${childKey}/statistics/element-instances`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { elementId: 'route', active: 1, completed: 0, canceled: 0, incidents: 1 },
      { elementId: 'start', active: 0, completed: 1, canceled: 0, incidents: 0 },
    ]);
  });

  it('lists the sequence flows taken', async () => {
    await waitForTotal('incidents', { processInstanceKey: childKey }, 1);
    const res = await get<{ items: Item[] }>(base(), `/process-instances/${childKey}/sequence-flows`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        sequenceFlowId: 'start_route',
        processInstanceKey: childKey,
        processDefinitionId: CHILD,
      }),
    ]);
  });
});

describe('user task variables and message subscriptions', () => {
  it("searches the variables visible to a user task: its own and its process's", async () => {
    const tasks = await waitForTotal('user-tasks', { processInstanceKey: taskInstanceKey }, 1);
    const taskKey = String(tasks.items[0].userTaskKey);
    const res = await post<Page>(base(), `/user-tasks/${taskKey}/variables/search`, {
      sort: [{ field: 'name' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((v) => [v.name, v.value])).toEqual([
      ['amount', '21'],
      ['doubled', '42'],
    ]);
    const filtered = await post<Page>(base(), `/user-tasks/${taskKey}/variables/search`, {
      filter: { name: 'doubled' },
    });
    expect(filtered.body.items).toHaveLength(1);
    expect(filtered.body.items[0].scopeKey).not.toBe(taskInstanceKey);
    expect((await post(base(), '/user-tasks/1/variables/search', {})).status).toBe(404);
  });

  it('searches message subscriptions', async () => {
    const page = await waitForTotal('message-subscriptions', { processInstanceKey: waitInstanceKey }, 1);
    expect(page.items[0]).toMatchObject({ processInstanceKey: waitInstanceKey });
    expect(JSON.stringify(page.items[0])).toContain(`paid-${run}`);
    void otherTaskInstanceKey;
  });
});
