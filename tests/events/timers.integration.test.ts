/**
 * Timers (docs/zeebe-rules.md §7) on a pinned engine clock: moving the clock forward fires what is due, and nothing
 * fires early. The clock only moves forward in this file, so the tests share one timeline.
 */
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  activatedElements,
  completedElements,
  pinClock,
  recordsOf,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
} from '../engine/engine-kit';
import { waitFor } from '../support/wait-for';
import {
  activations,
  bpmn,
  boundaryEvent,
  catchEvent,
  chain,
  deploy,
  endEvent,
  flow,
  instancesOf,
  message,
  messageDefinition,
  serviceTask,
  startEvent,
  timerDefinition,
} from './event-kit';

const h = useEngine();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let now = Date.UTC(2030, 0, 1, 0, 0, 0);

/** Moves the pinned clock forward by `ms` (the engine fires what is due before answering). */
async function advance(ms: number): Promise<void> {
  now += ms;
  await pinClock(h.engine, now);
}

beforeAll(() => pinClock(h.engine, now));

const waitForActivation = (processInstanceKey: string, elementId: string) =>
  waitFor(async () => (await activatedElements(h.engine, processInstanceKey)).includes(elementId), {
    description: `${elementId} to be activated`,
  });

const isCompleted = async (processInstanceKey: string) =>
  (await completedElements(h.engine, processInstanceKey)).includes('end');

/** start → timer catch → end. */
async function startTimerCatch(kind: 'timeDuration' | 'timeDate', value: string) {
  const processId = unique('timer-catch');
  await deploy(
    h.zbc,
    processId,
    bpmn(
      processId,
      `${startEvent()}${catchEvent('wait', timerDefinition(kind, value))}${endEvent()}${chain('start', 'wait', 'end')}`,
    ),
  );
  const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
  await waitForActivation(instance.processInstanceKey, 'wait');
  return { processId, instance };
}

describe('Timers', () => {
  it('an intermediate timer with timeDuration fires when the duration has passed, never 1 ms early', async () => {
    const { processId, instance } = await startTimerCatch('timeDuration', 'PT1H');
    await advance(HOUR - 1);
    expect(await isCompleted(instance.processInstanceKey)).toBe(false);
    await advance(1);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start', 'wait', 'end', processId]);
  });

  it('an intermediate timer with timeDate (an offset) fires at that instant, never 1 ms early', async () => {
    const due = now + 2 * HOUR;
    // the same instant written with a +08:00 offset
    const local = new Date(due + 8 * HOUR).toISOString().replace('.000Z', '+08:00');
    const { instance } = await startTimerCatch('timeDate', local);
    await advance(2 * HOUR - 1);
    expect(await isCompleted(instance.processInstanceKey)).toBe(false);
    await advance(1);
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });

  it('an interrupting timer boundary event terminates the task and takes its own flow', async () => {
    const processId = unique('timer-boundary');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${endEvent('late')}
        ${boundaryEvent('timeout', 'task', timerDefinition('timeDuration', 'PT10M'))}
        ${chain('start', 'task', 'end')}${flow('timeout', 'late')}`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    await advance(10 * MINUTE - 1);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual([]);
    await advance(1);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'timeout',
      'late',
      processId,
    ]);
    await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('a non-interrupting timer boundary event with cycle R3/PT1H fires three times, then stops', async () => {
    const processId = unique('timer-cycle');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${endEvent('reminded')}
        ${boundaryEvent('remind', 'task', timerDefinition('timeCycle', 'R3/PT1H'), { interrupting: false })}
        ${chain('start', 'task', 'end')}${flow('remind', 'reminded')}`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    for (let hour = 1; hour <= 5; hour++) {
      await advance(HOUR);
      const expected = Math.min(hour, 3);
      await waitFor(async () => (await activations(h.engine, instance.processInstanceKey, 'remind')) === expected, {
        description: `${expected} boundary activations after ${hour} h`,
      });
    }
    expect(await activations(h.engine, instance.processInstanceKey, 'remind')).toBe(3);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual([]);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });

  it('a timer start event with cycle R2/PT1M starts two instances, one per minute', async () => {
    const processId = unique('timer-start');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent('start', timerDefinition('timeCycle', 'R2/PT1M'))}${endEvent()}${flow('start', 'end')}`,
      ),
    );
    await advance(MINUTE - 1);
    expect(await instancesOf(h.engine, processId)).toHaveLength(0);
    await advance(1);
    await waitFor(async () => (await instancesOf(h.engine, processId)).length === 1, { description: 'one instance' });
    await advance(MINUTE);
    await waitFor(async () => (await instancesOf(h.engine, processId)).length === 2, { description: 'two instances' });
    await advance(MINUTE);
    await advance(MINUTE);
    expect(await instancesOf(h.engine, processId)).toHaveLength(2);
    for (const key of await instancesOf(h.engine, processId)) await waitForCompletion(h.engine, key);
  });

  it('deploying a version without the timer start event removes it: the clock starts no more instances', async () => {
    const processId = unique('timer-start-v2');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent('start', timerDefinition('timeCycle', 'R/PT1M'))}${endEvent()}${flow('start', 'end')}`,
      ),
    );
    await advance(MINUTE);
    await waitFor(async () => (await instancesOf(h.engine, processId)).length === 1, { description: 'one instance' });
    const v2 = await deploy(h.zbc, processId, bpmn(processId, `${startEvent()}${endEvent()}${flow('start', 'end')}`));
    expect(v2.version).toBe(2);
    await advance(MINUTE);
    await advance(MINUTE);
    expect(await instancesOf(h.engine, processId)).toHaveLength(1);
  });
});

describe('Timers: more rules', () => {
  it('a timer inside a subprocess closes when the subprocess is interrupted: it never fires', async () => {
    const processId = unique('timer-scope-left');
    const name = unique('stop');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}
        <bpmn:subProcess id="sub">${startEvent('subStart')}${catchEvent('wait', timerDefinition('timeDuration', 'PT1H'))}${endEvent('subEnd')}
          ${chain('subStart', 'wait', 'subEnd')}</bpmn:subProcess>
        ${endEvent()}${endEvent('stopped')}${boundaryEvent('onStop', 'sub', messageDefinition('msg'))}
        ${chain('start', 'sub', 'end')}${flow('onStop', 'stopped')}`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await waitForActivation(instance.processInstanceKey, 'wait');
    await h.zbc.publishMessage({ name, correlationKey: 'K' });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    await advance(2 * HOUR);
    const timers = (await recordsOf(h.engine, instance.processInstanceKey)).filter((r) => r.valueType === 'TIMER');
    expect(timers.map((r) => r.intent)).toEqual(['CREATED', 'CANCELED']);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['wait', 'sub']);
  });

  it('a zero duration fires at once, without moving the clock', async () => {
    const { instance } = await startTimerCatch('timeDuration', 'PT0S');
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });

  it('a cycle on a non-interrupting boundary stops when its task completes', async () => {
    const processId = unique('timer-cycle-stop');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${endEvent('reminded')}
        ${boundaryEvent('remind', 'task', timerDefinition('timeCycle', 'R/PT1H'), { interrupting: false })}
        ${chain('start', 'task', 'end')}${flow('remind', 'reminded')}`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    await advance(HOUR);
    await waitFor(async () => (await activations(h.engine, instance.processInstanceKey, 'remind')) === 1);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    await advance(HOUR);
    await advance(HOUR);
    expect(await activations(h.engine, instance.processInstanceKey, 'remind')).toBe(1);
  });

  it('a cron cycle on a timer start event fires at the next matching time (UTC)', async () => {
    const processId = unique('timer-cron');
    // every day at 09:00 UTC
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent('start', timerDefinition('timeCycle', '0 0 9 * * *'))}${endEvent()}${flow('start', 'end')}`,
      ),
    );
    const day = 24 * HOUR;
    const nextNine = Math.floor((now - 9 * HOUR) / day) * day + day + 9 * HOUR;
    await advance(nextNine - now - 1);
    expect(await instancesOf(h.engine, processId)).toHaveLength(0);
    await advance(1);
    await waitFor(async () => (await instancesOf(h.engine, processId)).length === 1, { description: 'one instance' });
    await advance(day);
    await waitFor(async () => (await instancesOf(h.engine, processId)).length === 2, { description: 'two instances' });
  });
});

describe('Timers: bad input', () => {
  it('a timer expression that does not give a duration is an incident; fix the variable, resolve, and the timer runs', async () => {
    const processId = unique('timer-bad');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${catchEvent('wait', timerDefinition('timeDuration', '=myDuration'))}${endEvent()}${chain('start', 'wait', 'end')}`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { myDuration: 'soon' } });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'wait' });
    expect(incident.errorMessage).toBe(
      "Invalid timer duration 'soon': expected an ISO 8601 duration such as PT15M or P1D",
    );

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { myDuration: 'PT1M' },
      local: false,
    });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await waitForActivation(instance.processInstanceKey, 'wait');
    await advance(MINUTE);
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });
});
