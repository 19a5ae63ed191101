/**
 * Errors (docs/zeebe-rules.md §8.1–§8.3, §2.6, §3.6): a job's ThrowError or an error end event is caught outward by an
 * error boundary event or error event subprocess; exact codes beat catch-alls; uncaught errors are incidents.
 */
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  completedElements,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
} from '../engine/engine-kit';
import {
  bpmn,
  boundaryEvent,
  chain,
  deploy,
  elementInstanceKey,
  endEvent,
  errorDefinition,
  eventSubProcess,
  extensions,
  flow,
  ioMapping,
  rootVariables,
  scopeVariables,
  serviceTask,
  startEvent,
} from './event-kit';

const h = useEngine();

const errors = '<bpmn:error id="e1" errorCode="E1" /><bpmn:error id="eAll" />';

/** start → task (job) → end, with the given boundary events; each boundary `b` leads to an end event `b-end`. */
async function deployTaskWithBoundaries(boundaries: Array<{ id: string; errorRef?: string; inner?: string }>) {
  const processId = unique('err');
  const jobType = unique('work');
  await deploy(
    h.zbc,
    processId,
    bpmn(
      processId,
      `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${chain('start', 'task', 'end')}
      ${boundaries
        .map(
          (b) =>
            `${boundaryEvent(b.id, 'task', errorDefinition(b.errorRef), { inner: b.inner })}${endEvent(`${b.id}-end`)}${flow(b.id, `${b.id}-end`)}`,
        )
        .join('\n')}`,
      errors,
    ),
  );
  return { processId, jobType };
}

describe('Errors', () => {
  it('ThrowError is caught by the error boundary event with the code; its variables are the catch event’s locals, and only its output mappings reach the process', async () => {
    const { processId, jobType } = await deployTaskWithBoundaries([
      { id: 'onE1', errorRef: 'e1', inner: extensions(ioMapping({}, { 原因: '=reason' })) },
    ]);
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 户号: 7 } });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.throwError({
      jobKey: job.key,
      errorCode: 'E1',
      errorMessage: '档案不全',
      variables: { reason: '缺少身份证', extra: 1 },
    });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'onE1',
      'onE1-end',
      processId,
    ]);
    const catchKey = (await elementInstanceKey(h.engine, instance.processInstanceKey, 'onE1'))!;
    expect(await scopeVariables(h.engine, instance.processInstanceKey, catchKey)).toEqual({
      reason: '缺少身份证',
      extra: 1,
    });
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ 户号: 7, 原因: '缺少身份证' });
    await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('a catch-all error boundary event (no error reference) catches any code', async () => {
    const { processId, jobType } = await deployTaskWithBoundaries([{ id: 'onAny' }]);
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.throwError({ jobKey: job.key, errorCode: 'WHATEVER', errorMessage: '' });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'onAny',
      'onAny-end',
      processId,
    ]);
  });

  it('an exact code beats a catch-all (whatever the order); another code goes to the catch-all', async () => {
    const { processId, jobType } = await deployTaskWithBoundaries([
      { id: 'onAll', errorRef: 'eAll' },
      { id: 'onE1', errorRef: 'e1' },
    ]);
    const exact = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const exactJob = await activateJob(h.zbc, jobType);
    await h.zbc.throwError({ jobKey: exactJob.key, errorCode: 'E1', errorMessage: '' });
    await waitForCompletion(h.engine, exact.processInstanceKey);
    expect(await completedElements(h.engine, exact.processInstanceKey)).toEqual([
      'start',
      'onE1',
      'onE1-end',
      processId,
    ]);

    const other = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const otherJob = await activateJob(h.zbc, jobType);
    await h.zbc.throwError({ jobKey: otherJob.key, errorCode: 'E2', errorMessage: '' });
    await waitForCompletion(h.engine, other.processInstanceKey);
    expect(await completedElements(h.engine, other.processInstanceKey)).toEqual([
      'start',
      'onAll',
      'onAll-end',
      processId,
    ]);
  });

  it('an error end event inside a subprocess is caught by an error boundary event on the subprocess', async () => {
    const processId = unique('err-sub');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}
        <bpmn:subProcess id="sub">
          ${startEvent('subStart')}${endEvent('fail', errorDefinition('e1'))}${flow('subStart', 'fail')}
        </bpmn:subProcess>
        ${endEvent()}${boundaryEvent('onE1', 'sub', errorDefinition('e1'))}${endEvent('handled')}
        ${chain('start', 'sub', 'end')}${flow('onE1', 'handled')}`,
        errors,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
      expect.arrayContaining(['fail', 'sub']),
    );
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'subStart',
      'onE1',
      'handled',
      processId,
    ]);
  });

  it('an interrupting error event subprocess catches the error and terminates the other branches', async () => {
    const processId = unique('err-esp');
    const [failType, otherType] = [unique('fail'), unique('other')];
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}<bpmn:parallelGateway id="fork" />
        ${serviceTask('failing', failType)}${serviceTask('other', otherType)}
        <bpmn:parallelGateway id="join" />${endEvent()}
        ${chain('start', 'fork', 'failing', 'join', 'end')}${chain('fork', 'other', 'join')}
        ${eventSubProcess(
          'onError',
          errorDefinition('e1'),
          `${endEvent('espEnd')}${chain('onErrorStart', 'espEnd')}`,
        )}`,
        errors,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const failJob = await activateJob(h.zbc, failType);
    const otherJob = await activateJob(h.zbc, otherType);
    await h.zbc.throwError({ jobKey: failJob.key, errorCode: 'E1', errorMessage: '', variables: { reason: 'x' } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect((await terminatedElements(h.engine, instance.processInstanceKey)).sort()).toEqual(['failing', 'other']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'fork',
      'onErrorStart',
      'espEnd',
      'onError',
      processId,
    ]);
    const startKey = (await elementInstanceKey(h.engine, instance.processInstanceKey, 'onErrorStart'))!;
    expect(await scopeVariables(h.engine, instance.processInstanceKey, startKey)).toEqual({ reason: 'x' });
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({});
    await expect(h.zbc.completeJob({ jobKey: otherJob.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('an uncaught error raises UNHANDLED_ERROR_EVENT on the task; resolving it re-enables the job', async () => {
    const { processId, jobType } = await deployTaskWithBoundaries([{ id: 'onE1', errorRef: 'e1' }]);
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.throwError({ jobKey: job.key, errorCode: 'NOPE', errorMessage: '无人处理' });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'task', jobKey: job.key });
    expect(incident.errorMessage).toContain('NOPE');

    await h.zbc.resolveIncident({ incidentKey: incident.key });
    const again = await activateJob(h.zbc, jobType);
    expect(again.key).toBe(job.key);
    await h.zbc.completeJob({ jobKey: again.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start', 'task', 'end', processId]);
  });

  it('an error from a job two levels deep is caught by an error event subprocess of the process', async () => {
    const processId = unique('err-deep');
    const jobType = unique('deep');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}
        <bpmn:subProcess id="outer">${startEvent('outerStart')}
          <bpmn:subProcess id="inner">${startEvent('innerStart')}${serviceTask('task', jobType)}${endEvent('innerEnd')}
            ${chain('innerStart', 'task', 'innerEnd')}</bpmn:subProcess>
          ${endEvent('outerEnd')}${chain('outerStart', 'inner', 'outerEnd')}
        </bpmn:subProcess>
        ${endEvent()}${chain('start', 'outer', 'end')}
        ${eventSubProcess('onError', errorDefinition('e1'), `${endEvent('espEnd')}${flow('onErrorStart', 'espEnd')}`)}`,
        errors,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.throwError({ jobKey: job.key, errorCode: 'E1', errorMessage: '' });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task', 'inner', 'outer']);
    expect((await completedElements(h.engine, instance.processInstanceKey)).slice(-4)).toEqual([
      'onErrorStart',
      'espEnd',
      'onError',
      processId,
    ]);
  });

  it('an uncaught error end event raises UNHANDLED_ERROR_EVENT on the end event', async () => {
    const processId = unique('err-end-uncaught');
    await deploy(
      h.zbc,
      processId,
      bpmn(processId, `${startEvent()}${endEvent('fail', errorDefinition('e1'))}${flow('start', 'fail')}`, errors),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'fail' });
    expect(incident.errorMessage).toContain('E1');
  });
});
