/**
 * Event subprocesses (docs/zeebe-rules.md §1.6, §2.10): a non-interrupting one runs beside the rest and its scope waits
 * for it; an interrupting one terminates the rest; both see and change the locals of their enclosing scope.
 */
import {
  activateJob,
  completedElements,
  instanceCompleted,
  pinClock,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
} from '../engine/engine-kit';
import { waitFor } from '../support/wait-for';
import {
  bpmn,
  chain,
  deploy,
  endEvent,
  eventSubProcess,
  extensions,
  flow,
  ioMapping,
  message,
  messageDefinition,
  rootVariables,
  serviceTask,
  startEvent,
  timerDefinition,
} from './event-kit';

const h = useEngine();

describe('Event subprocesses', () => {
  it('a non-interrupting message event subprocess runs alongside; the process waits for it before completing', async () => {
    const processId = unique('esp-msg');
    const name = unique('加急');
    const [mainType, espType] = [unique('main'), unique('esp')];
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', mainType)}${endEvent()}${chain('start', 'task', 'end')}
        ${eventSubProcess(
          'onUrgent',
          messageDefinition('msg'),
          `${serviceTask('expedite', espType)}${endEvent('espEnd')}${chain('onUrgentStart', 'expedite', 'espEnd')}`,
          false,
        )}`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    const mainJob = await activateJob(h.zbc, mainType);
    await h.zbc.publishMessage({ name, correlationKey: 'K', variables: { 加急: true } });
    const espJob = await activateJob(h.zbc, espType);
    expect(espJob.variables).toEqual({ orderId: 'K', 加急: true });

    await h.zbc.completeJob({ jobKey: mainJob.key, variables: {} });
    await waitFor(async () => (await completedElements(h.engine, instance.processInstanceKey)).includes('end'));
    expect(await instanceCompleted(h.engine, instance.processInstanceKey)).toBe(false);

    await h.zbc.completeJob({ jobKey: espJob.key, variables: { 已加急: true } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect(completed.slice(-3)).toEqual(['espEnd', 'onUrgent', processId]);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual([]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({
      orderId: 'K',
      加急: true,
      已加急: true,
    });
  });

  it('an event subprocess reads and changes the locals of its enclosing subprocess', async () => {
    const processId = unique('esp-locals');
    const name = unique('改量');
    const [mainType, espType] = [unique('main'), unique('esp')];
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}
        <bpmn:subProcess id="sub">
          ${extensions(ioMapping({ 电量: '=100' }, { 结算电量: '=电量' }))}
          ${startEvent('subStart')}${serviceTask('task', mainType)}${endEvent('subEnd')}
          ${chain('subStart', 'task', 'subEnd')}
          ${eventSubProcess(
            'onChange',
            messageDefinition('msg'),
            `${serviceTask('adjust', espType)}${endEvent('espEnd')}${chain('onChangeStart', 'adjust', 'espEnd')}`,
            false,
          )}
        </bpmn:subProcess>
        ${endEvent()}${chain('start', 'sub', 'end')}`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    const mainJob = await activateJob(h.zbc, mainType);
    await h.zbc.publishMessage({ name, correlationKey: 'K' });
    const espJob = await activateJob(h.zbc, espType);
    expect(espJob.variables).toMatchObject({ 电量: 100 });
    await h.zbc.completeJob({ jobKey: espJob.key, variables: { 电量: 120 } });
    await h.zbc.completeJob({ jobKey: mainJob.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ orderId: 'K', 结算电量: 120 });
  });

  it('an interrupting timer event subprocess terminates the rest of the process', async () => {
    let now = Date.UTC(2031, 5, 1);
    await pinClock(h.engine, now);
    const processId = unique('esp-timer');
    const jobType = unique('main');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}<bpmn:parallelGateway id="fork" />
        ${serviceTask('taskA', jobType)}${serviceTask('taskB', jobType)}${endEvent()}${endEvent('endB')}
        ${chain('start', 'fork', 'taskA', 'end')}${chain('fork', 'taskB', 'endB')}
        ${eventSubProcess(
          'onTimeout',
          timerDefinition('timeDuration', 'PT5M'),
          `${endEvent('espEnd')}${flow('onTimeoutStart', 'espEnd')}`,
        )}`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await activateJob(h.zbc, jobType);
    now += 5 * 60_000;
    await pinClock(h.engine, now);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect((await terminatedElements(h.engine, instance.processInstanceKey)).sort()).toEqual(['taskA', 'taskB']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'fork',
      'onTimeoutStart',
      'espEnd',
      'onTimeout',
      processId,
    ]);
  });
});
