/**
 * zbctl (the Go command-line client) as a second client for events (docs/zeebe-rules.md §6, §9): publishing messages
 * with a correlation key, variables, a time to live and a message id, and broadcasting signals. Every command runs
 * as a separate zbctl process against the real engine; what the engine did is read back from its event log.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unique } from '../grpc/grpc-test-clients';
import { readRecords } from '../support/engine-records';
import { runZbctl } from './zbctl-kit';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import {
  bpmn,
  catchEvent,
  chain,
  conditionalDefinition,
  endEvent,
  message,
  messageDefinition,
  signalDefinition,
  startEvent,
} from '../events/event-kit';

jest.setTimeout(60_000);

let engine: EngineProcess;
let workDir: string;

beforeAll(async () => {
  engine = await startEngineProcess();
  workDir = mkdtempSync(join(tmpdir(), 'zbctl-events-'));
});

afterAll(async () => {
  await engine?.stop();
});

/** Runs one zbctl command against this file's engine. */
const zbctl = (...args: string[]) => runZbctl(engine, ...args);

/** Runs a zbctl command that must succeed; returns its output parsed as JSON (or {} when it printed nothing). */
async function zbctlOk<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const result = await zbctl(...args);
  expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: expect.any(String) });
  return (result.stdout.trim() ? JSON.parse(result.stdout) : {}) as T;
}

/** Deploys a process with zbctl (from a file, as a person would). */
async function deployWithZbctl(processId: string, xml: Buffer): Promise<void> {
  const path = join(workDir, `${processId}.bpmn`);
  writeFileSync(path, xml);
  await zbctlOk('deploy', path);
}

/** Creates an instance with zbctl; returns its key. */
async function createInstance(processId: string, variables: Record<string, unknown>): Promise<string> {
  const created = await zbctlOk<{ processInstanceKey: string | number }>(
    'create',
    'instance',
    processId,
    '--variables',
    JSON.stringify(variables),
  );
  return String(created.processInstanceKey);
}

interface Logged {
  valueType: string;
  intent: string;
  value: Record<string, unknown>;
}

async function recordsOf(processInstanceKey: string): Promise<Logged[]> {
  return (await readRecords(engine.databaseUrl))
    .map((r) => ({ valueType: r.valueType, intent: r.intent, value: JSON.parse(r.value) as Record<string, unknown> }))
    .filter((r) => String(r.value.processInstanceKey) === processInstanceKey);
}

const elements = async (processInstanceKey: string, intent: string) =>
  (await recordsOf(processInstanceKey))
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === intent)
    .map((r) => String(r.value.elementId));

const waitForActivation = (processInstanceKey: string, elementId: string) =>
  waitFor(async () => (await elements(processInstanceKey, 'ELEMENT_ACTIVATED')).includes(elementId), {
    description: `${elementId} to be activated in ${processInstanceKey}`,
  });

const waitForCompletion = (processId: string, processInstanceKey: string) =>
  waitFor(async () => (await elements(processInstanceKey, 'ELEMENT_COMPLETED')).includes(processId), {
    description: `instance ${processInstanceKey} to complete`,
  });

async function rootVariables(processInstanceKey: string): Promise<Record<string, unknown>> {
  const root: Record<string, unknown> = {};
  for (const r of await recordsOf(processInstanceKey)) {
    if (r.valueType === 'VARIABLE' && String(r.value.scopeKey) === processInstanceKey) {
      root[String(r.value.name)] = JSON.parse(String(r.value.value));
    }
  }
  return root;
}

/** start → message catch (name, key =orderId) → end, deployed with zbctl. */
async function deployMessageCatch(name: string): Promise<string> {
  const processId = unique('zbctl-msg');
  await deployWithZbctl(
    processId,
    bpmn(
      processId,
      `${startEvent()}${catchEvent('wait', messageDefinition('msg'))}${endEvent()}${chain('start', 'wait', 'end')}`,
      message('msg', name, '=orderId'),
    ),
  );
  return processId;
}

describe('zbctl publish message / broadcast signal', () => {
  it('publish message --correlationKey --variables --ttl correlates to the waiting instance, which completes with the variables', async () => {
    const name = unique('电费缴纳');
    const processId = await deployMessageCatch(name);
    const instanceKey = await createInstance(processId, { orderId: 'SO-9' });
    await waitForActivation(instanceKey, 'wait');

    // another key first: must not reach the instance
    await zbctlOk('publish', 'message', name, '--correlationKey', 'SO-8', '--ttl', '0s');
    const published = await zbctlOk(
      'publish',
      'message',
      name,
      '--correlationKey',
      'SO-9',
      '--variables',
      JSON.stringify({ 金额: 128.5, 渠道: '支付宝', 明细: { 月份: '2024-05' } }),
      '--ttl',
      '1m',
    );
    expect(String(published.key)).toMatch(/^\d+$/);

    await waitForCompletion(processId, instanceKey);
    expect(await elements(instanceKey, 'ELEMENT_COMPLETED')).toEqual(['start', 'wait', 'end', processId]);
    expect(await rootVariables(instanceKey)).toEqual({
      orderId: 'SO-9',
      金额: 128.5,
      渠道: '支付宝',
      明细: { 月份: '2024-05' },
    });
  });

  it('a duplicate --messageId within the TTL fails with AlreadyExists; another id is accepted', async () => {
    const name = unique('重复报文');
    const messageId = unique('msg-id');
    const publish = (id: string) =>
      zbctl('publish', 'message', name, '--correlationKey', 'K', '--messageId', id, '--ttl', '1m');

    const first = await publish(messageId);
    expect(first.code).toBe(0);
    const duplicate = await publish(messageId);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/AlreadyExists/);
    expect(duplicate.stderr).toContain(messageId);
    expect((await publish(unique('msg-id'))).code).toBe(0);

    // the buffered original is intact: an instance opening its subscription now takes it
    const processId = await deployMessageCatch(name);
    const instanceKey = await createInstance(processId, { orderId: 'K' });
    await waitForCompletion(processId, instanceKey);
  });

  it('broadcast signal --variables triggers a waiting signal catch event; the variables merge in', async () => {
    const name = unique('停电通知');
    const processId = unique('zbctl-signal');
    await deployWithZbctl(
      processId,
      bpmn(
        processId,
        `${startEvent()}${catchEvent('wait', signalDefinition('sig'))}${endEvent()}${chain('start', 'wait', 'end')}`,
        `<bpmn:signal id="sig" name="${name}" />`,
      ),
    );
    const instanceKey = await createInstance(processId, { 台区: 'A-01' });
    await waitForActivation(instanceKey, 'wait');

    const broadcast = await zbctlOk(
      'broadcast',
      'signal',
      name,
      '--variables',
      JSON.stringify({ 停电时长: 2, 原因: '检修' }),
    );
    expect(String(broadcast.key)).toMatch(/^\d+$/);

    await waitForCompletion(processId, instanceKey);
    expect(await rootVariables(instanceKey)).toEqual({ 台区: 'A-01', 停电时长: 2, 原因: '检修' });
  });

  it('set variables makes a conditional catch event go on once its condition holds', async () => {
    const processId = unique('zbctl-cond');
    await deployWithZbctl(
      processId,
      bpmn(
        processId,
        `${startEvent()}${catchEvent('wait', conditionalDefinition('=负荷 > 10'))}${endEvent()}${chain('start', 'wait', 'end')}`,
      ),
    );
    const instanceKey = await createInstance(processId, { 负荷: 5 });
    await waitForActivation(instanceKey, 'wait');
    // zbctl answers `set variables` in plain text, not JSON.
    expect((await zbctl('set', 'variables', instanceKey, '--variables', JSON.stringify({ 负荷: 12 }))).code).toBe(0);
    await waitForCompletion(processId, instanceKey);
    expect(await elements(instanceKey, 'ELEMENT_COMPLETED')).toEqual(['start', 'wait', 'end', processId]);
  });

  it('publish message with an empty name gives InvalidArgument, and the engine keeps serving', async () => {
    const { code, stderr } = await zbctl('publish', 'message', '', '--correlationKey', 'K');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/InvalidArgument/);
    expect(stderr).toMatch(/message name/);
    expect((await zbctl('publish', 'message', unique('still-ok'), '--correlationKey', 'K', '--ttl', '0s')).code).toBe(
      0,
    );
  });
});
