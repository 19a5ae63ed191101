/**
 * Signals (docs/zeebe-rules.md §9, §2.7): a broadcast reaches every waiting signal catch event, boundary event and
 * event subprocess, and starts one instance of each process with a matching signal start event.
 */
import {
  activateJob,
  activatedElements,
  completedElements,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
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
  eventSubProcess,
  extensions,
  flow,
  instancesOf,
  ioMapping,
  rootVariables,
  serviceTask,
  signalDefinition,
  startEvent,
  throwEvent,
} from './event-kit';

const h = useEngine();

const signal = (name: string) => `<bpmn:signal id="sig" name="${name}" />`;

const waitForActivation = (processInstanceKey: string, elementId: string) =>
  waitFor(async () => (await activatedElements(h.engine, processInstanceKey)).includes(elementId), {
    description: `${elementId} to be activated`,
  });

/** start → catch (signal `name`) → end. */
async function deploySignalCatch(name: string) {
  const processId = unique('sig-catch');
  await deploy(
    h.zbc,
    processId,
    bpmn(
      processId,
      `${startEvent()}${catchEvent('wait', signalDefinition('sig'))}${endEvent()}${chain('start', 'wait', 'end')}`,
      signal(name),
    ),
  );
  return processId;
}

describe('Signals', () => {
  it('a broadcast reaches every waiting intermediate catch event, and its variables merge in', async () => {
    const name = unique('停电通知');
    const processId = await deploySignalCatch(name);
    const a = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 台区: 'A' } });
    const b = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 台区: 'B' } });
    await waitForActivation(a.processInstanceKey, 'wait');
    await waitForActivation(b.processInstanceKey, 'wait');
    await h.zbc.broadcastSignal({ signalName: name, variables: { 停电时长: 2 } });
    for (const instance of [a, b]) {
      await waitForCompletion(h.engine, instance.processInstanceKey);
      expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
        'start',
        'wait',
        'end',
        processId,
      ]);
    }
    expect(await rootVariables(h.engine, a.processInstanceKey)).toEqual({ 台区: 'A', 停电时长: 2 });
    expect(await rootVariables(h.engine, b.processInstanceKey)).toEqual({ 台区: 'B', 停电时长: 2 });
  });

  it('a non-interrupting signal boundary event fires on every broadcast while the task stays active', async () => {
    const name = unique('催办');
    const processId = unique('sig-boundary');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${endEvent('noted')}
        ${boundaryEvent('onSignal', 'task', signalDefinition('sig'), { interrupting: false })}
        ${chain('start', 'task', 'end')}${flow('onSignal', 'noted')}`,
        signal(name),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.broadcastSignal({ signalName: name, variables: { n: 1 } });
    await h.zbc.broadcastSignal({ signalName: name, variables: { n: 2 } });
    await waitFor(async () => (await activations(h.engine, instance.processInstanceKey, 'noted')) === 2, {
      description: 'two signal boundary activations',
    });
    expect(await activations(h.engine, instance.processInstanceKey, 'onSignal')).toBe(2);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual([]);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ n: 2 });
  });

  it('a broadcast reaches a signal event subprocess (interrupting: the task is terminated)', async () => {
    const name = unique('紧急停运');
    const processId = unique('sig-esp');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${chain('start', 'task', 'end')}
        ${eventSubProcess('onSignal', signalDefinition('sig'), `${endEvent('espEnd')}${flow('onSignalStart', 'espEnd')}`)}`,
        signal(name),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await activateJob(h.zbc, jobType);
    await h.zbc.broadcastSignal({ signalName: name, variables: { 原因: '台风' } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'onSignalStart',
      'espEnd',
      'onSignal',
      processId,
    ]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ 原因: '台风' });
  });

  it('a broadcast starts one new instance of each process with a matching signal start event', async () => {
    const name = unique('批量开票');
    const processIds = [unique('sig-start-a'), unique('sig-start-b')];
    for (const processId of processIds) {
      await deploy(
        h.zbc,
        processId,
        bpmn(
          processId,
          `${startEvent('start', signalDefinition('sig'))}${endEvent()}${flow('start', 'end')}`,
          signal(name),
        ),
      );
    }
    // a second version: only the latest listens, so still one instance per process
    await deploy(
      h.zbc,
      processIds[0],
      bpmn(
        processIds[0],
        `${startEvent('start', signalDefinition('sig'))}${endEvent('end2')}${flow('start', 'end2')}`,
        signal(name),
      ),
    );
    await h.zbc.broadcastSignal({ signalName: name, variables: { 批次: 9 } });
    for (const processId of processIds) {
      const [instanceKey] = await waitFor(async () => {
        const keys = await instancesOf(h.engine, processId);
        return keys.length ? keys : undefined;
      });
      await waitForCompletion(h.engine, instanceKey);
      expect(await rootVariables(h.engine, instanceKey)).toEqual({ 批次: 9 });
    }
    expect(await instancesOf(h.engine, processIds[0])).toHaveLength(1);
    expect(await instancesOf(h.engine, processIds[1])).toHaveLength(1);
    const [v2Instance] = await instancesOf(h.engine, processIds[0]);
    expect(await completedElements(h.engine, v2Instance)).toContain('end2');
  });

  it('a signal throw event broadcasts its input-mapped variables to another waiting instance', async () => {
    const name = unique('复电');
    const waiting = await deploySignalCatch(name);
    const thrower = unique('sig-throw');
    await deploy(
      h.zbc,
      thrower,
      bpmn(
        thrower,
        `${startEvent()}${throwEvent('announce', signalDefinition('sig'), extensions(ioMapping({ 批次: '=batch' })))}${endEvent()}
        ${chain('start', 'announce', 'end')}`,
        signal(name),
      ),
    );
    const target = await h.zbc.createProcessInstance({ bpmnProcessId: waiting, variables: {} });
    await waitForActivation(target.processInstanceKey, 'wait');
    const source = await h.zbc.createProcessInstance({ bpmnProcessId: thrower, variables: { batch: 5, 私有: 1 } });
    await waitForCompletion(h.engine, source.processInstanceKey);
    await waitForCompletion(h.engine, target.processInstanceKey);
    expect(await rootVariables(h.engine, target.processInstanceKey)).toEqual({ 批次: 5 });
  });
});
