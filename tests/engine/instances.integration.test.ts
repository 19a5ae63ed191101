/**
 * Deployment versions (docs/zeebe-rules.md §11.2) and the ways to create an instance: by id and latest version, by id
 * and version, by process definition key, and with start instructions.
 */
import { callUnary, gatewayClient } from '../grpc/grpc-test-clients';
import { completedElements, fixture, useEngine, waitForCompletion } from './engine-kit';

const h = useEngine();

const v1Xml = fixture('versioned.bpmn');
/** The same process with the approval step renamed and skipped: changed content. */
const v2Xml = Buffer.from(
  v1Xml
    .toString()
    .replace('targetRef="approve" />', 'targetRef="end" />')
    .replace(/<bpmn:manualTask id="approve".*\n/, '')
    .replace('<bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />', '')
    .replace('<bpmn:incoming>f3</bpmn:incoming>', '<bpmn:incoming>f2</bpmn:incoming>'),
);

const deploy = async (content: Buffer) =>
  (await h.zbc.deployResource({ name: 'versioned.bpmn', process: content })).deployments[0].process;

describe('Deployment versions and instance creation', () => {
  let v1: Awaited<ReturnType<typeof deploy>>;
  let v2: Awaited<ReturnType<typeof deploy>>;

  beforeAll(async () => {
    v1 = await deploy(v1Xml);
    v2 = await deploy(v2Xml);
  });

  it('redeploying identical content returns the same version and key; changed content gets the next version', async () => {
    expect(v1.version).toBe(1);
    expect(v2.version).toBe(2);
    expect(v2.processDefinitionKey).not.toBe(v1.processDefinitionKey);
    const again = await deploy(v2Xml);
    expect(again).toMatchObject({ version: 2, processDefinitionKey: v2.processDefinitionKey });
    // v1's content after v2 is a change against the latest: version 3.
    const v3 = await deploy(v1Xml);
    expect(v3.version).toBe(3);
    expect(v3.processDefinitionKey).not.toBe(v1.processDefinitionKey);
  });

  it('by process id and version, and by process id alone (the latest)', async () => {
    const first = await h.zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'versioned',
      version: 1,
      variables: { 申请号: 'S1' },
    });
    expect(first).toMatchObject({
      version: 1,
      processDefinitionKey: v1.processDefinitionKey,
      bpmnProcessId: 'versioned',
    });
    expect(await completedElements(h.engine, first.processInstanceKey)).toEqual([
      'start',
      'accept',
      'approve',
      'end',
      'versioned',
    ]);

    const second = await h.zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'versioned',
      version: 2,
      variables: {},
    });
    expect(second).toMatchObject({ version: 2, processDefinitionKey: v2.processDefinitionKey });
    expect(await completedElements(h.engine, second.processInstanceKey)).toEqual([
      'start',
      'accept',
      'end',
      'versioned',
    ]);

    const latest = await h.zbc.createProcessInstance({ bpmnProcessId: 'versioned', variables: {} });
    expect(latest.version).toBe(3);
    await waitForCompletion(h.engine, latest.processInstanceKey);
    expect(await completedElements(h.engine, latest.processInstanceKey)).toEqual([
      'start',
      'accept',
      'approve',
      'end',
      'versioned',
    ]);
  });

  it('by process definition key', async () => {
    const raw = gatewayClient(h.engine);
    try {
      const created = await callUnary<{ processInstanceKey: string; version: number; processDefinitionKey: string }>(
        raw,
        'CreateProcessInstance',
        {
          processDefinitionKey: v2.processDefinitionKey,
          variables: '{"申请号":"S2"}',
        },
      );
      expect(created).toMatchObject({ version: 2, processDefinitionKey: v2.processDefinitionKey });
      await waitForCompletion(h.engine, created.processInstanceKey);
      expect(await completedElements(h.engine, created.processInstanceKey)).toEqual([
        'start',
        'accept',
        'end',
        'versioned',
      ]);
    } finally {
      raw.close();
    }
  });

  it('with start instructions: starts at the named element instead of the start event', async () => {
    const created = await h.zbc.createProcessInstance({
      bpmnProcessId: 'versioned',
      version: 1,
      variables: { 补录: true },
      startInstructions: [{ elementId: 'approve' }],
    });
    await waitForCompletion(h.engine, created.processInstanceKey);
    expect(await completedElements(h.engine, created.processInstanceKey)).toEqual(['approve', 'end', 'versioned']);
  });
});
