/**
 * Event-based gateways (docs/zeebe-rules.md §5.4, §1.5) — the first event wins and the other subscriptions close — and
 * link events (a throw link jumps to the catch link of the same name).
 */
import {
  activatedElements,
  completedElements,
  pinClock,
  recordsOf,
  unique,
  useEngine,
  waitForCompletion,
} from '../engine/engine-kit';
import { waitFor } from '../support/wait-for';
import {
  bpmn,
  catchEvent,
  chain,
  deploy,
  endEvent,
  message,
  messageDefinition,
  rootVariables,
  signalDefinition,
  startEvent,
  throwEvent,
  timerDefinition,
} from './event-kit';

const h = useEngine();

const HOUR = 3_600_000;
let now = Date.UTC(2032, 0, 1);
async function advance(ms: number): Promise<void> {
  now += ms;
  await pinClock(h.engine, now);
}

beforeAll(() => pinClock(h.engine, now));

/** start → gateway → (message `name` → paid) | (timer PT1H → late). */
async function startRace() {
  const processId = unique('ebg');
  const name = unique('缴费');
  await deploy(
    h.zbc,
    processId,
    bpmn(
      processId,
      `${startEvent()}<bpmn:eventBasedGateway id="race" />
      ${catchEvent('onPaid', messageDefinition('msg'))}${catchEvent('onTimeout', timerDefinition('timeDuration', 'PT1H'))}
      ${endEvent('paid')}${endEvent('late')}
      ${chain('start', 'race', 'onPaid', 'paid')}${chain('race', 'onTimeout', 'late')}`,
      message('msg', name, '=orderId'),
    ),
  );
  const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
  await waitFor(async () => (await activatedElements(h.engine, instance.processInstanceKey)).includes('race'));
  return { processId, name, instance };
}

const recordsOfType = async (processInstanceKey: string, valueType: string, intent: string) =>
  (await recordsOf(h.engine, processInstanceKey)).filter((r) => r.valueType === valueType && r.intent === intent);

describe('Event-based gateway', () => {
  it('the message wins: the timer subscription closes, and moving the clock on later changes nothing', async () => {
    const { processId, name, instance } = await startRace();
    await h.zbc.publishMessage({ name, correlationKey: 'K', variables: { 金额: 10 } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'race',
      'onPaid',
      'paid',
      processId,
    ]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ orderId: 'K', 金额: 10 });
    expect(await recordsOfType(instance.processInstanceKey, 'TIMER', 'CANCELED')).toHaveLength(1);

    await advance(2 * HOUR);
    expect(await recordsOfType(instance.processInstanceKey, 'TIMER', 'TRIGGERED')).toEqual([]);
    expect(await activatedElements(h.engine, instance.processInstanceKey)).not.toContain('onTimeout');
  });

  it('the timer wins: a later message with TTL 0 is not correlated', async () => {
    const { processId, name, instance } = await startRace();
    await advance(HOUR - 1);
    expect(await activatedElements(h.engine, instance.processInstanceKey)).not.toContain('onTimeout');
    await advance(1);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'race',
      'onTimeout',
      'late',
      processId,
    ]);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0, variables: { 金额: 10 } });
    await h.zbc.topology(); // one more round trip
    expect(await recordsOfType(instance.processInstanceKey, 'PROCESS_MESSAGE_SUBSCRIPTION', 'CORRELATED')).toEqual([]);
    expect(await activatedElements(h.engine, instance.processInstanceKey)).not.toContain('onPaid');
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ orderId: 'K' });
  });

  it('a signal can win too: the message and timer subscriptions close', async () => {
    const processId = unique('ebg-signal');
    const [name, signalName] = [unique('msg'), unique('sig')];
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}<bpmn:eventBasedGateway id="race" />
        ${catchEvent('onMsg', messageDefinition('msg'))}${catchEvent('onSignal', signalDefinition('sig'))}
        ${catchEvent('onTimeout', timerDefinition('timeDuration', 'PT1H'))}
        ${endEvent('e1')}${endEvent('e2')}${endEvent('e3')}
        ${chain('start', 'race', 'onMsg', 'e1')}${chain('race', 'onSignal', 'e2')}${chain('race', 'onTimeout', 'e3')}`,
        `${message('msg', name, '=orderId')}<bpmn:signal id="sig" name="${signalName}" />`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await waitFor(async () => (await activatedElements(h.engine, instance.processInstanceKey)).includes('race'));
    await h.zbc.broadcastSignal({ signalName, variables: { via: 'signal' } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'race',
      'onSignal',
      'e2',
      processId,
    ]);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0 });
    await advance(2 * HOUR);
    const activated = await activatedElements(h.engine, instance.processInstanceKey);
    expect(activated).not.toContain('onMsg');
    expect(activated).not.toContain('onTimeout');
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ orderId: 'K', via: 'signal' });
  });
});

describe('Link events', () => {
  it('a throw link jumps to the catch link of the same name', async () => {
    const processId = unique('link');
    const link = (name: string) => `<bpmn:linkEventDefinition name="${name}" />`;
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${throwEvent('goB', link('B'))}
        ${catchEvent('fromA', link('A'))}${endEvent('endA')}
        ${catchEvent('fromB', link('B'))}${endEvent('endB')}
        ${chain('start', 'goB')}${chain('fromA', 'endA')}${chain('fromB', 'endB')}`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'goB',
      'fromB',
      'endB',
      processId,
    ]);
    expect(await activatedElements(h.engine, instance.processInstanceKey)).not.toContain('fromA');
  });
});
