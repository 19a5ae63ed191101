/**
 * Bad input: every malformed or impossible request gets the right gRPC status and a message that tells a person
 * what is wrong and where (file, element, key), never UNAVAILABLE / DEADLINE_EXCEEDED / RESOURCE_EXHAUSTED; and
 * after each one the engine still deploys and runs a process. A FEEL expression that fails at run time becomes an
 * incident with a readable message instead. What the fuzzer found (bench/fuzz) is at the end: deeply nested JSON.
 */
import type { Zeebe } from '@camunda8/sdk';
import { status, type ServiceError } from '@grpc/grpc-js';
import { callUnary, gatewayClient, processXml, sdkClient, unique } from '../grpc/grpc-test-clients';
import { readRecords } from '../support/engine-records';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';

let engine: EngineProcess;
let zbc: Zeebe.ZeebeGrpcClient;
let raw: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  engine = await startEngineProcess();
  zbc = sdkClient(engine);
  raw = gatewayClient(engine);
  await zbc.topology();
});

afterAll(async () => {
  raw?.close();
  await zbc?.close();
  await engine?.stop();
});

// After every bad request, the engine still serves a normal deployment and instance.
afterEach(async () => {
  const processId = unique('still-serving');
  await zbc.deployResource({ name: `${processId}.bpmn`, process: processXml(processId) });
  const result = await zbc.createProcessInstanceWithResult({
    bpmnProcessId: processId,
    variables: { ok: 1 },
    requestTimeout: 10_000,
  });
  expect(result.variables).toEqual({ ok: 1 });
});

const NEVER_FOR_BAD_INPUT = [status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED];

/** Expects the call to fail with `code` and a message matching every pattern. */
async function expectRejection(
  call: Promise<unknown>,
  code: status,
  ...patterns: Array<string | RegExp>
): Promise<string> {
  const error = await call.then(
    (response) => {
      throw new Error(`expected ${status[code]}, but the call succeeded with ${JSON.stringify(response)}`);
    },
    (e: ServiceError) => e,
  );
  expect(NEVER_FOR_BAD_INPUT).not.toContain(error.code);
  expect({ code: status[error.code], details: error.details }).toEqual({
    code: status[code],
    details: expect.any(String),
  });
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(error.details).toContain(pattern);
    else expect(error.details).toMatch(pattern);
  }
  return error.details;
}

const deployRaw = (...resources: Array<{ name: string; content: Buffer }>) =>
  callUnary(raw, 'DeployResource', { resources });

/** A definitions document with one executable process whose body is `body` (after a none start event → `first`). */
function bpmn(processId: string, body: string, first = 'el'): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>toFirst</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="toFirst" sourceRef="start" targetRef="${first}" />
    ${body}
  </bpmn:process>
</bpmn:definitions>`);
}

/** start → exclusive gateway `gateway` → (flow `guarded` with `condition` | default) → ends. */
const gatewayProcess = (processId: string, condition: string) =>
  bpmn(
    processId,
    `<bpmn:exclusiveGateway id="gateway" default="otherwise">
      <bpmn:incoming>toFirst</bpmn:incoming><bpmn:outgoing>guarded</bpmn:outgoing><bpmn:outgoing>otherwise</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="guarded" sourceRef="gateway" targetRef="bigEnd">
      <bpmn:conditionExpression>${condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="otherwise" sourceRef="gateway" targetRef="smallEnd" />
    <bpmn:endEvent id="bigEnd"><bpmn:incoming>guarded</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="smallEnd"><bpmn:incoming>otherwise</bpmn:incoming></bpmn:endEvent>`,
    'gateway',
  );

describe('deployments the engine refuses', () => {
  it('malformed XML: INVALID_ARGUMENT naming the file', async () => {
    await expectRejection(
      deployRaw({ name: 'broken-order.bpmn', content: Buffer.from('<bpmn:definitions><bpmn:process id="x"') }),
      status.INVALID_ARGUMENT,
      'broken-order.bpmn',
      /XML/,
    );
  });

  it('binary garbage named .bpmn: INVALID_ARGUMENT naming the file', async () => {
    const garbage = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    await expectRejection(
      deployRaw({ name: 'garbage.bpmn', content: garbage }),
      status.INVALID_ARGUMENT,
      'garbage.bpmn',
    );
  });

  it('an unsupported element kind (complex gateway): INVALID_ARGUMENT naming the element', async () => {
    const content = bpmn(
      unique('complex-gateway'),
      `<bpmn:complexGateway id="approveApplication"><bpmn:incoming>toFirst</bpmn:incoming></bpmn:complexGateway>`,
      'approveApplication',
    );
    await expectRejection(
      deployRaw({ name: 'approval.bpmn', content }),
      status.INVALID_ARGUMENT,
      'approveApplication',
      'approval.bpmn',
      /Elements of type 'ComplexGateway' are currently not supported/,
    );
  });

  it('a service task without a job type: INVALID_ARGUMENT naming the element', async () => {
    const content = bpmn(
      unique('no-type'),
      `<bpmn:serviceTask id="checkMeter"><bpmn:incoming>toFirst</bpmn:incoming></bpmn:serviceTask>`,
      'checkMeter',
    );
    await expectRejection(
      deployRaw({ name: 'no-type.bpmn', content }),
      status.INVALID_ARGUMENT,
      'checkMeter',
      /job type/,
    );
  });

  it('invalid FEEL in a condition: INVALID_ARGUMENT at deploy, naming the flow and the expression', async () => {
    const content = gatewayProcess(unique('bad-feel'), '= amount &gt; &gt; 5 (');
    await expectRejection(
      deployRaw({ name: 'bad-feel.bpmn', content }),
      status.INVALID_ARGUMENT,
      'guarded',
      'amount > > 5',
      /FEEL/,
    );
  });

  it('a request with nothing to deploy: INVALID_ARGUMENT', async () => {
    await expectRejection(deployRaw(), status.INVALID_ARGUMENT, /resource/);
  });

  it('a .txt resource: INVALID_ARGUMENT naming it', async () => {
    await expectRejection(
      deployRaw({ name: 'notes.txt', content: Buffer.from('hello') }),
      status.INVALID_ARGUMENT,
      'notes.txt',
    );
  });

  it('the same process id in two resources of one deployment: INVALID_ARGUMENT naming the id and both files', async () => {
    const processId = unique('twice');
    await expectRejection(
      deployRaw(
        { name: 'first.bpmn', content: processXml(processId) },
        { name: 'second.bpmn', content: processXml(processId) },
      ),
      status.INVALID_ARGUMENT,
      processId,
      'first.bpmn',
      'second.bpmn',
    );
    await expectRejection(
      zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} }),
      status.NOT_FOUND,
      processId,
    );
  });

  it('a deployment that fails leaves nothing behind', async () => {
    const processId = unique('half-good');
    await expectRejection(
      deployRaw(
        { name: 'good.bpmn', content: processXml(processId) },
        { name: 'bad.bpmn', content: Buffer.from('<nope') },
      ),
      status.INVALID_ARGUMENT,
      'bad.bpmn',
    );
    await expectRejection(
      zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} }),
      status.NOT_FOUND,
      processId,
    );
    // Deploying the good one alone afterwards gives version 1: the failed deployment used no version number.
    const ok = await zbc.deployResource({ name: 'good.bpmn', process: processXml(processId) });
    expect(ok.deployments[0].process.version).toBe(1);
    const records = await readRecords(engine.databaseUrl);
    const processRecords = records.filter(
      (r) =>
        r.valueType === 'PROCESS' && (JSON.parse(r.value) as { bpmnProcessId?: string }).bpmnProcessId === processId,
    );
    expect(processRecords).toHaveLength(1);
  });
});

describe('instances and commands the engine refuses', () => {
  let processId: string;

  beforeAll(async () => {
    processId = unique('bad-vars');
    await zbc.deployResource({ name: `${processId}.bpmn`, process: processXml(processId, unique('bad-vars-job')) });
  });

  it.each([
    ['an array', '[1,2]', /root level object.*ARRAY/],
    ['a string', '"x"', /root level object.*STRING/],
    ['not JSON', 'not json', /variables.*JSON/],
  ])('variables that are %s: INVALID_ARGUMENT', async (_case, variables, message) => {
    await expectRejection(
      callUnary(raw, 'CreateProcessInstance', { bpmnProcessId: processId, variables }),
      status.INVALID_ARGUMENT,
      message,
    );
    await expectRejection(
      callUnary(raw, 'CreateProcessInstanceWithResult', {
        request: { bpmnProcessId: processId, variables },
        requestTimeout: 5_000,
      }),
      status.INVALID_ARGUMENT,
      message,
    );
  });

  it('variables that are not an object in SetVariables and CompleteJob: INVALID_ARGUMENT', async () => {
    const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await expectRejection(
      callUnary(raw, 'SetVariables', { elementInstanceKey: instance.processInstanceKey, variables: '[1]' }),
      status.INVALID_ARGUMENT,
      /root level object/,
    );
    await expectRejection(
      callUnary(raw, 'SetVariables', { elementInstanceKey: instance.processInstanceKey, variables: 'not json' }),
      status.INVALID_ARGUMENT,
      /JSON/,
    );
    await zbc.cancelProcessInstance(instance.processInstanceKey);
  });

  it('an unknown process id: NOT_FOUND naming it', async () => {
    const missing = unique('missing');
    await expectRejection(
      zbc.createProcessInstance({ bpmnProcessId: missing, variables: {} }),
      status.NOT_FOUND,
      missing,
    );
  });

  it('an unknown process definition key: NOT_FOUND naming it', async () => {
    await expectRejection(
      callUnary(raw, 'CreateProcessInstance', { processDefinitionKey: '2251799813999999' }),
      status.NOT_FOUND,
      '2251799813999999',
    );
  });

  it('neither a process id nor a key: INVALID_ARGUMENT', async () => {
    await expectRejection(callUnary(raw, 'CreateProcessInstance', {}), status.INVALID_ARGUMENT, /bpmnProcessId/);
  });

  it.each([
    ['CompleteJob', { jobKey: '2251799813999999', variables: '{}' }],
    ['FailJob', { jobKey: '2251799813999999', retries: 1, errorMessage: 'x' }],
    ['ResolveIncident', { incidentKey: '2251799813999999' }],
    ['CancelProcessInstance', { processInstanceKey: '2251799813999999' }],
    ['SetVariables', { elementInstanceKey: '2251799813999999', variables: '{"a":1}' }],
  ])('%s with an unknown key: NOT_FOUND naming the key', async (rpc, request) => {
    await expectRejection(callUnary(raw, rpc, request), status.NOT_FOUND, '2251799813999999');
  });
});

describe('FEEL that fails at run time', () => {
  /** Creates an instance and returns the message of the INCIDENT CREATED record the engine wrote for it. */
  async function incidentOf(processInstanceKey: string) {
    const row = await waitFor(
      async () =>
        (await readRecords(engine.databaseUrl)).find(
          (r) =>
            r.valueType === 'INCIDENT' && r.intent === 'CREATED' && String(r.processInstanceKey) === processInstanceKey,
        ),
      { interval: 100, description: `an incident for instance ${processInstanceKey}` },
    );
    return {
      key: String(row.key),
      ...(JSON.parse(row.value) as { errorType: string; errorMessage: string; elementId: string }),
    };
  }

  it('a condition that does not give a boolean raises an incident with a readable message', async () => {
    const processId = unique('null-condition');
    await zbc.deployResource({ name: `${processId}.bpmn`, process: gatewayProcess(processId, '= amount &gt; 5') });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const incident = await incidentOf(instance.processInstanceKey);
    expect(incident.elementId).toBe('gateway');
    expect(incident.errorType).toMatch(/EXTRACT_VALUE_ERROR|CONDITION_ERROR/);
    expect(incident.errorMessage).toContain('amount > 5');
    expect(incident.errorMessage).toMatch(/BOOLEAN|boolean/);
    // The instance waits there; with the variable set and the incident resolved, it goes on.
    await zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { amount: 10 },
      local: false,
    });
    await zbc.resolveIncident({ incidentKey: incident.key });
    const ended = await waitFor(
      async () => {
        const rows = (await readRecords(engine.databaseUrl)).filter(
          (r) =>
            r.valueType === 'PROCESS_INSTANCE' &&
            r.intent === 'ELEMENT_COMPLETED' &&
            String(r.processInstanceKey) === instance.processInstanceKey &&
            ['bigEnd', 'smallEnd'].includes((JSON.parse(r.value) as { elementId: string }).elementId),
        );
        return rows.length > 0 && rows;
      },
      { interval: 100, description: 'the instance going on after the incident was resolved' },
    );
    expect(ended.map((r) => (JSON.parse(r.value) as { elementId: string }).elementId)).toEqual(['bigEnd']);
  });

  it('a job type expression that gives null raises an incident naming the expression', async () => {
    const processId = unique('null-type');
    const content = bpmn(
      processId,
      `<bpmn:serviceTask id="dispatch">
        <bpmn:extensionElements><zeebe:taskDefinition type="= crewType" /></bpmn:extensionElements>
        <bpmn:incoming>toFirst</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing>
      </bpmn:serviceTask>
      <bpmn:sequenceFlow id="toEnd" sourceRef="dispatch" targetRef="end" />
      <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>`,
      'dispatch',
    );
    await zbc.deployResource({ name: `${processId}.bpmn`, process: content });
    const instance = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const incident = await incidentOf(instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'dispatch' });
    expect(incident.errorMessage).toContain('crewType');
    expect(incident.errorMessage).toMatch(/STRING/);
    expect(incident.errorMessage).toMatch(/NULL/);
  });
});

describe('found by the fuzzer (npm run fuzz)', () => {
  const deep = (depth: number) => '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);

  it('variables nested 10,000 deep: INVALID_ARGUMENT naming the limit, over gRPC (INTERNAL, or a stopped engine, before)', async () => {
    const processId = unique('deep-vars');
    await zbc.deployResource({ name: `${processId}.bpmn`, process: processXml(processId) });
    await expectRejection(
      callUnary(raw, 'CreateProcessInstance', { bpmnProcessId: processId, variables: `{"deep":${deep(10_000)}}` }),
      status.INVALID_ARGUMENT,
      /nest at most 100 levels/,
    );
    // Before, a message published with such variables stopped the engine: its state could not be written (fatal).
    await expectRejection(
      callUnary(raw, 'PublishMessage', {
        name: 'deep',
        correlationKey: 'k',
        timeToLive: '60000',
        variables: `{"deep":${deep(10_000)}}`,
      }),
      status.INVALID_ARGUMENT,
      /nest at most 100 levels/,
    );
    // 100 levels of objects in arrays (50 pairs under the root) are a document like any other.
    const result = await callUnary<{ variables: string }>(raw, 'CreateProcessInstanceWithResult', {
      request: { bpmnProcessId: processId, variables: `{"deep":${deep(49)}}` },
      requestTimeout: 10_000,
    });
    expect(JSON.parse(result.variables)).toHaveProperty('deep');
  });

  it('a REST body nested 10,000 deep anywhere: a 400 problem, not a 500', async () => {
    for (const [path, body] of [
      ['/v2/process-instances', `{"processDefinitionId":"x","variables":{"deep":${deep(10_000)}}}`],
      ['/v2/variables/search', `{"filter":{"value":${deep(10_000)}}}`],
      ['/v2/messages/publication', `{"name":"m","correlationKey":"k","variables":{"deep":${deep(10_000)}}}`],
      ['/v2/signals/broadcast', `{"signalName":"s","variables":${deep(10_000)}}`],
    ]) {
      const response = await fetch(`${engine.restAddress}${path}`, {
        method: 'POST',
        headers: { ...(await engine.authHeaders()), 'content-type': 'application/json' },
        body,
      });
      const problem = (await response.json()) as { title: string; detail: string };
      expect({ path, status: response.status, title: problem.title }).toEqual({
        path,
        status: 400,
        title: 'INVALID_ARGUMENT',
      });
      expect(problem.detail).toMatch(/nest at most \d+ levels/);
    }
  });

  it('a lone surrogate quoted in an error message: INVALID_ARGUMENT with U+FFFD (one such deployment stopped the engine)', async () => {
    // &#xD800; is half of a UTF-16 pair: grpc-js's encodeURI of the message threw, uncaught, in the engine process.
    const content = bpmn(
      unique('lone-surrogate'),
      `<bpmn:complexGateway id="gate&#xD800;"><bpmn:incoming>toFirst</bpmn:incoming></bpmn:complexGateway>`,
      'gate&#xD800;',
    );
    await expectRejection(
      deployRaw({ name: 'lone-surrogate.bpmn', content }),
      status.INVALID_ARGUMENT,
      'lone-surrogate.bpmn',
      'gate\ufffd',
    );
  });

  it('an error quoting an 80 KB expression: INVALID_ARGUMENT with the message cut (the call hung before)', async () => {
    const details = await expectRejection(
      deployRaw({
        name: 'long-feel.bpmn',
        content: gatewayProcess(unique('long-feel'), `= 1${' + 1'.repeat(20_000)}`),
      }),
      status.INVALID_ARGUMENT,
      'long-feel.bpmn',
      /more characters\)$/,
    );
    expect(details.length).toBeLessThan(2_100);
  });
});
