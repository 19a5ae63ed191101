/**
 * Messages and signals through the REST v2 adapter: the real engine process, driven by @camunda8/sdk's
 * CamundaRestClient (publishMessage, correlateMessage, broadcastSignal), with the engine's log as the witness of
 * what the instances did, plus raw fetch() for the problem-detail answers a client library hides.
 */
import { CamundaRestClient } from '@camunda8/sdk';
import { startEngineProcess } from '../support/engine-process';
import { elementsWith, readRecords } from '../support/engine-records';
import { waitFor } from '../support/wait-for';

const MESSAGE_PROCESS = 'rest-await-payment';
const MESSAGE_NAME = 'payment-received';
const SIGNAL_PROCESS = 'rest-await-go';
const SIGNAL_NAME = 'rest-go-signal';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

const messageProcessXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${MESSAGE_PROCESS}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${MESSAGE_PROCESS}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>toWait</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait-payment" />
    <bpmn:intermediateCatchEvent id="wait-payment">
      <bpmn:incoming>toWait</bpmn:incoming>
      <bpmn:outgoing>toEnd</bpmn:outgoing>
      <bpmn:messageEventDefinition id="payment-definition" messageRef="payment-message" />
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="toEnd" sourceRef="wait-payment" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmn:message id="payment-message" name="${MESSAGE_NAME}">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements>
  </bpmn:message>
</bpmn:definitions>`;

const signalProcessXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  id="defs-${SIGNAL_PROCESS}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${SIGNAL_PROCESS}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>toWait</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait-go" />
    <bpmn:intermediateCatchEvent id="wait-go">
      <bpmn:incoming>toWait</bpmn:incoming>
      <bpmn:outgoing>toEnd</bpmn:outgoing>
      <bpmn:signalEventDefinition id="go-definition" signalRef="go-signal" />
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="toEnd" sourceRef="wait-go" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmn:signal id="go-signal" name="${SIGNAL_NAME}" />
</bpmn:definitions>`;

let engine: Awaited<ReturnType<typeof startEngineProcess>>;
let client: CamundaRestClient;

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
    { name: `${MESSAGE_PROCESS}.bpmn`, content: messageProcessXml },
    { name: `${SIGNAL_PROCESS}.bpmn`, content: signalProcessXml },
  ]);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
});

let counter = 0;
/** A correlation key (order id) no other test uses. */
const uniqueOrderId = () => `order-${Date.now().toString(36)}-${++counter}`;

/** Resolves once the instance's catch event is active, i.e. its subscription is open. */
const waitUntilWaiting = (processInstanceKey: string, elementId: string) =>
  waitFor(
    async () => (await elementsWith(engine.databaseUrl, processInstanceKey, 'ELEMENT_ACTIVATED')).includes(elementId),
    { description: `${elementId} of instance ${processInstanceKey} to be active` },
  );

const waitUntilCompleted = (processInstanceKey: string) =>
  waitFor(
    async () => (await elementsWith(engine.databaseUrl, processInstanceKey, 'ELEMENT_COMPLETED')).includes('end'),
    { description: `instance ${processInstanceKey} to complete` },
  );

/** The instance's variables as the log last wrote them (name → parsed value). */
async function variablesOf(processInstanceKey: string): Promise<Record<string, unknown>> {
  const variables: Record<string, unknown> = {};
  for (const row of await readRecords(engine.databaseUrl)) {
    if (row.valueType !== 'VARIABLE' || String(row.processInstanceKey) !== processInstanceKey) continue;
    const value = JSON.parse(row.value) as { name: string; value: string };
    variables[value.name] = JSON.parse(value.value);
  }
  return variables;
}

async function startWaitingForPayment(orderId: string): Promise<string> {
  const { processInstanceKey } = await client.createProcessInstance({
    processDefinitionId: MESSAGE_PROCESS,
    variables: { orderId },
  });
  await waitUntilWaiting(processInstanceKey, 'wait-payment');
  return processInstanceKey;
}

async function expectProblem(urlPath: string, body: unknown, status: number, title: string): Promise<ProblemBody> {
  const res = await fetch(`${engine.restAddress}${urlPath}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(await engine.authHeaders()) },
  });
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/problem\+json/);
  const problem = (await res.json()) as ProblemBody;
  expect(problem).toMatchObject({ status, title, instance: urlPath });
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
}

describe('REST v2 messages and signals with CamundaRestClient', () => {
  it('publishes a message that completes the waiting instance with its variables', async () => {
    const orderId = uniqueOrderId();
    const processInstanceKey = await startWaitingForPayment(orderId);

    const published = await client.publishMessage({
      name: MESSAGE_NAME,
      correlationKey: orderId,
      variables: { amount: 42.5, payer: '李四' },
    });
    expect(published.messageKey).toMatch(/^\d+$/);
    expect(published.tenantId).toBe('<default>');

    await waitUntilCompleted(processInstanceKey);
    expect(await elementsWith(engine.databaseUrl, processInstanceKey, 'ELEMENT_COMPLETED')).toEqual(
      expect.arrayContaining(['start', 'wait-payment', 'end', MESSAGE_PROCESS]),
    );
    expect(await variablesOf(processInstanceKey)).toEqual({ orderId, amount: 42.5, payer: '李四' });
  });

  it('buffers a message with a time to live until an instance subscribes to it', async () => {
    const orderId = uniqueOrderId();
    const published = await client.publishMessage({
      name: MESSAGE_NAME,
      correlationKey: orderId,
      timeToLive: 60_000,
      variables: { paid: true },
    });
    expect(published.messageKey).toMatch(/^\d+$/);

    const result = await client.createProcessInstanceWithResult({
      processDefinitionId: MESSAGE_PROCESS,
      variables: { orderId },
      requestTimeout: 10_000,
    });
    expect(result.variables).toEqual({ orderId, paid: true });
    await waitUntilCompleted(result.processInstanceKey);
  });

  it('does not buffer a message without a time to live', async () => {
    const orderId = uniqueOrderId();
    await client.publishMessage({ name: MESSAGE_NAME, correlationKey: orderId, variables: { lost: true } });
    const processInstanceKey = await startWaitingForPayment(orderId);
    await client.publishMessage({ name: MESSAGE_NAME, correlationKey: orderId, variables: { found: true } });
    await waitUntilCompleted(processInstanceKey);
    expect(await variablesOf(processInstanceKey)).toEqual({ orderId, found: true });
  });

  it('answers a duplicate messageId of a buffered message with 409', async () => {
    const orderId = uniqueOrderId();
    const message = { name: MESSAGE_NAME, correlationKey: orderId, timeToLive: 60_000, messageId: `id-${orderId}` };
    await client.publishMessage(message);
    await expect(client.publishMessage(message)).rejects.toMatchObject({ statusCode: 409 });
    const problem = await expectProblem('/v2/messages/publication', message, 409, 'ALREADY_EXISTS');
    expect(problem.detail).toContain(`id-${orderId}`);
  });

  it('correlates a message and answers with the process instance it reached', async () => {
    const orderId = uniqueOrderId();
    const processInstanceKey = await startWaitingForPayment(orderId);

    const correlated = await client.correlateMessage({
      name: MESSAGE_NAME,
      correlationKey: orderId,
      variables: { via: 'correlation' },
    });
    expect(correlated).toMatchObject({ processInstanceKey, tenantId: '<default>' });
    expect(correlated.messageKey).toMatch(/^\d+$/);

    await waitUntilCompleted(processInstanceKey);
    expect(await variablesOf(processInstanceKey)).toEqual({ orderId, via: 'correlation' });
  });

  it('answers a correlation that reaches nothing with a 404 problem', async () => {
    const orderId = uniqueOrderId();
    await expect(client.correlateMessage({ name: MESSAGE_NAME, correlationKey: orderId })).rejects.toMatchObject({
      statusCode: 404,
    });
    await expectProblem('/v2/messages/correlation', { name: MESSAGE_NAME, correlationKey: orderId }, 404, 'NOT_FOUND');
  });

  it('broadcasts a signal that completes the waiting instance', async () => {
    const { processInstanceKey } = await client.createProcessInstance({
      processDefinitionId: SIGNAL_PROCESS,
      variables: {},
    });
    await waitUntilWaiting(processInstanceKey, 'wait-go');

    const broadcast = await client.broadcastSignal({ signalName: SIGNAL_NAME, variables: { go: 'now' } });
    expect(broadcast.signalKey).toMatch(/^\d+$/);
    expect(broadcast.tenantId).toBe('<default>');

    await waitUntilCompleted(processInstanceKey);
    expect(await elementsWith(engine.databaseUrl, processInstanceKey, 'ELEMENT_COMPLETED')).toContain('wait-go');
    expect(await variablesOf(processInstanceKey)).toEqual({ go: 'now' });
  });

  it('broadcasts a signal nobody waits for', async () => {
    const broadcast = await client.broadcastSignal({ signalName: 'rest-nobody-listens' });
    expect(broadcast.signalKey).toMatch(/^\d+$/);
  });

  it('rejects bad input with a 400 problem naming the field', async () => {
    const missingName = await expectProblem(
      '/v2/messages/publication',
      { correlationKey: 'x' },
      400,
      'INVALID_ARGUMENT',
    );
    expect(missingName.detail).toContain("'name'");
    const blankName = await expectProblem('/v2/messages/correlation', { name: ' ' }, 400, 'INVALID_ARGUMENT');
    expect(blankName.detail).toContain("'name'");
    const noSignal = await expectProblem('/v2/signals/broadcast', { variables: {} }, 400, 'INVALID_ARGUMENT');
    expect(noSignal.detail).toContain("'signalName'");

    const badTtl = { name: MESSAGE_NAME, correlationKey: 'x', timeToLive: -1 };
    expect((await expectProblem('/v2/messages/publication', badTtl, 400, 'INVALID_ARGUMENT')).detail).toContain(
      "'timeToLive'",
    );
    const badVariables = { name: MESSAGE_NAME, correlationKey: 'x', variables: [1, 2] };
    expect((await expectProblem('/v2/messages/publication', badVariables, 400, 'INVALID_ARGUMENT')).detail).toContain(
      "'variables'",
    );
    const badKey = { name: MESSAGE_NAME, correlationKey: 42 };
    expect((await expectProblem('/v2/messages/correlation', badKey, 400, 'INVALID_ARGUMENT')).detail).toContain(
      "'correlationKey'",
    );
    const badSignalVariables = { signalName: SIGNAL_NAME, variables: 'x' };
    expect(
      (await expectProblem('/v2/signals/broadcast', badSignalVariables, 400, 'INVALID_ARGUMENT')).detail,
    ).toContain("'variables'");
    await expect(client.publishMessage({ name: '', correlationKey: 'x' })).rejects.toMatchObject({ statusCode: 400 });
  });
});
