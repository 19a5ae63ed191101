/**
 * Call activities (docs/zeebe-rules.md §2.8, §8.1, §1.2): the called process by a static id or FEEL, variables copied
 * into the child and back to the caller, the parent/child links on the child's records, cancellation through the
 * call tree, errors and interrupting timers crossing the call activity, a missing called process as an incident.
 */
import { status } from '@grpc/grpc-js';
import type { EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import {
  bpmn,
  boundaryEvent,
  chain,
  deploy,
  elementInstanceKey,
  endEvent,
  errorDefinition,
  flow,
  instancesOf,
  ioMapping,
  rootVariables,
  serviceTask,
  startEvent,
  timerDefinition,
} from '../events/event-kit';
import {
  activateJob,
  activatedElements,
  completedElements,
  pinClock,
  recordsOf,
  resetClock,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
} from './engine-kit';

const h = useEngine();

interface CallOptions {
  propagateAllParentVariables?: boolean;
  propagateAllChildVariables?: boolean;
  io?: string;
}

/** A call activity calling `processId` (static or `=expr`), with zeebe:calledElement's flags and an ioMapping. */
function callActivity(id: string, processId: string, options: CallOptions = {}): string {
  const flags = (['propagateAllParentVariables', 'propagateAllChildVariables'] as const)
    .filter((name) => options[name] !== undefined)
    .map((name) => ` ${name}="${options[name]}"`)
    .join('');
  return `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${processId}"${flags} />${options.io ?? ''}</bpmn:extensionElements></bpmn:callActivity>`;
}

/** A called process: start → task (a job of `jobType`) → end. */
async function deployChild(jobType: string, processId = unique('child')) {
  await deploy(
    h.zbc,
    processId,
    bpmn(processId, `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${chain('start', 'task', 'end')}`),
  );
  return processId;
}

/** A caller: start → call → end, plus `extra` (boundary events and their flows). */
async function deployParent(calledId: string, options: CallOptions = {}, extra = '', roots = '') {
  const processId = unique('parent');
  await deploy(
    h.zbc,
    processId,
    bpmn(
      processId,
      `${startEvent()}${callActivity('call', calledId, options)}${endEvent()}${chain('start', 'call', 'end')}${extra}`,
      roots,
    ),
  );
  return processId;
}

/** The one instance of a called process (started by a call activity). */
const childOf = (engine: EngineProcess, bpmnProcessId: string): Promise<string> =>
  waitFor(async () => (await instancesOf(engine, bpmnProcessId))[0], {
    description: `an instance of ${bpmnProcessId}`,
  });

/** A fresh child and parent; the instance is started and the child's job activated. */
async function startCall(options: CallOptions = {}, variables: Record<string, string | number> = {}) {
  const jobType = unique('child-work');
  const childId = await deployChild(jobType);
  const parentId = await deployParent(childId, options);
  const parent = await h.zbc.createProcessInstance({ bpmnProcessId: parentId, variables });
  const job = await activateJob(h.zbc, jobType);
  const child = await childOf(h.engine, childId);
  return { jobType, childId, parentId, parent: parent.processInstanceKey, job, child };
}

describe('Call activities', () => {
  it('calls the latest version of a static processId; the child sees all caller variables and all its variables come back', async () => {
    const { childId, parentId, parent, job, child } = await startCall({}, { 户号: 'A1', 金额: 10 });
    expect(job.processInstanceKey).toBe(child);
    expect(job.variables).toEqual({ 户号: 'A1', 金额: 10 });
    await h.zbc.completeJob({ jobKey: job.key, variables: { 金额: 12, 核定: true } });
    await waitForCompletion(h.engine, parent);

    expect(await completedElements(h.engine, child)).toEqual(['start', 'task', 'end', childId]);
    expect(await completedElements(h.engine, parent)).toEqual(['start', 'call', 'end', parentId]);
    expect(await rootVariables(h.engine, child)).toEqual({ 户号: 'A1', 金额: 12, 核定: true });
    expect(await rootVariables(h.engine, parent)).toEqual({ 户号: 'A1', 金额: 12, 核定: true });
  });

  it('the child’s records carry parentProcessInstanceKey and parentElementInstanceKey (the call activity instance)', async () => {
    const { parent, job, child } = await startCall();
    const callKey = await elementInstanceKey(h.engine, parent, 'call');
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, parent);

    // The child process's own records (bpmnElementType PROCESS) carry the links; the elements inside it are not
    // asserted here (Zeebe's docs do not say whether they repeat them).
    const childRecords = (await recordsOf(h.engine, child)).filter(
      (r) => r.valueType === 'PROCESS_INSTANCE' && r.value.bpmnElementType === 'PROCESS',
    );
    expect(childRecords.map((r) => r.intent)).toEqual([
      'ELEMENT_ACTIVATING',
      'ELEMENT_ACTIVATED',
      'ELEMENT_COMPLETING',
      'ELEMENT_COMPLETED',
    ]);
    for (const r of childRecords) {
      expect(String(r.value.parentProcessInstanceKey)).toBe(parent);
      expect(String(r.value.parentElementInstanceKey)).toBe(callKey);
    }
    // The root instance has no parent.
    const parentRecords = (await recordsOf(h.engine, parent)).filter((r) => r.valueType === 'PROCESS_INSTANCE');
    for (const r of parentRecords) expect(r.value.parentProcessInstanceKey).toBe(-1);
  });

  it('the processId may be a FEEL expression, evaluated at activation', async () => {
    const jobType = unique('child-work');
    const childId = await deployChild(jobType);
    const parentId = await deployParent('=childId');
    const parent = await h.zbc.createProcessInstance({ bpmnProcessId: parentId, variables: { childId } });
    const job = await activateJob(h.zbc, jobType);
    expect(job.bpmnProcessId).toBe(childId);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, parent.processInstanceKey);
    expect(await completedElements(h.engine, parent.processInstanceKey)).toEqual(['start', 'call', 'end', parentId]);
  });

  it('propagateAllParentVariables=false: the child gets only the call activity’s input-mapped locals', async () => {
    const { child, job } = await startCall(
      { propagateAllParentVariables: false, io: ioMapping({ 编号: '=户号' }) },
      { 户号: 'A2', 密码: 'secret' },
    );
    expect(job.variables).toEqual({ 编号: 'A2' });
    expect(await rootVariables(h.engine, child)).toEqual({ 编号: 'A2' });
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
  });

  it('propagateAllParentVariables=true (explicit) with input mappings: the child sees the caller’s variables and the locals', async () => {
    const { child, job } = await startCall(
      { propagateAllParentVariables: true, io: ioMapping({ 编号: '=户号' }) },
      { 户号: 'A3', 金额: 5 },
    );
    expect(await rootVariables(h.engine, child)).toEqual({ 户号: 'A3', 金额: 5, 编号: 'A3' });
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
  });

  it('propagateAllChildVariables=false without output mappings: no child variable reaches the caller', async () => {
    const { parent, child, job } = await startCall({ propagateAllChildVariables: false }, { 户号: 'A4' });
    await h.zbc.completeJob({ jobKey: job.key, variables: { 户号: 'changed', 结果: 'ok' } });
    await waitForCompletion(h.engine, parent);
    expect(await rootVariables(h.engine, child)).toEqual({ 户号: 'changed', 结果: 'ok' });
    expect(await rootVariables(h.engine, parent)).toEqual({ 户号: 'A4' });
  });

  it.each([true, false])(
    'with output mappings (propagateAllChildVariables=%s) only the mapped targets reach the caller',
    async (propagateAllChildVariables) => {
      const { parent, job } = await startCall(
        { propagateAllChildVariables, io: ioMapping({}, { 审核结果: '=结果' }) },
        { 户号: 'A5' },
      );
      await h.zbc.completeJob({ jobKey: job.key, variables: { 结果: 'ok', 其他: 1, 户号: 'changed' } });
      await waitForCompletion(h.engine, parent);
      expect(await rootVariables(h.engine, parent)).toEqual({ 户号: 'A5', 审核结果: 'ok' });
    },
  );

  it('CreateProcessInstanceWithResult on the parent answers only once the child has completed', async () => {
    const jobType = unique('child-work');
    const childId = await deployChild(jobType);
    const parentId = await deployParent(childId);
    let answered = false;
    const result = h.zbc
      .createProcessInstanceWithResult({ bpmnProcessId: parentId, variables: { 户号: 'A6' }, requestTimeout: 20_000 })
      .finally(() => (answered = true));
    const job = await activateJob(h.zbc, jobType);
    const child = await childOf(h.engine, childId);
    expect(answered).toBe(false);
    await h.zbc.completeJob({ jobKey: job.key, variables: { 电量: 300 } });
    const response = await result;
    expect(response.bpmnProcessId).toBe(parentId);
    expect(response.variables).toEqual({ 户号: 'A6', 电量: 300 });
    expect(await completedElements(h.engine, child)).toEqual(['start', 'task', 'end', childId]);
    expect(await completedElements(h.engine, response.processInstanceKey)).toEqual(['start', 'call', 'end', parentId]);
  });

  it('cancelling the parent terminates the child (its job is gone: NOT_FOUND)', async () => {
    const { childId, parentId, parent, child, job } = await startCall();
    await h.zbc.cancelProcessInstance(parent);
    await waitFor(async () => (await terminatedElements(h.engine, parent)).includes(parentId), {
      description: 'the parent to be terminated',
    });
    expect(await terminatedElements(h.engine, child)).toEqual(['task', childId]);
    expect(await terminatedElements(h.engine, parent)).toEqual(['call', parentId]);
    await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('cancelling the child directly is refused with FAILED_PRECONDITION; both keep running', async () => {
    const { parent, child, job } = await startCall();
    await expect(h.zbc.cancelProcessInstance(child)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await terminatedElements(h.engine, child)).toEqual([]);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, parent);
  });

  it('a BPMN error thrown by a job in the child is caught by an error boundary event on the call activity', async () => {
    const jobType = unique('child-work');
    const childId = await deployChild(jobType);
    const parentId = await deployParent(
      childId,
      {},
      `${boundaryEvent('onReject', 'call', errorDefinition('reject'))}${endEvent('rejected')}${flow('onReject', 'rejected')}`,
      '<bpmn:error id="reject" errorCode="REJECTED" />',
    );
    const parent = await h.zbc.createProcessInstance({ bpmnProcessId: parentId, variables: { 户号: 'A7' } });
    const job = await activateJob(h.zbc, jobType);
    const child = await childOf(h.engine, childId);
    await h.zbc.throwError({ jobKey: job.key, errorCode: 'REJECTED', errorMessage: '资料不全', variables: { why: 1 } });
    await waitForCompletion(h.engine, parent.processInstanceKey);

    expect(await terminatedElements(h.engine, child)).toEqual(['task', childId]);
    expect(await terminatedElements(h.engine, parent.processInstanceKey)).toEqual(['call']);
    expect(await completedElements(h.engine, parent.processInstanceKey)).toEqual([
      'start',
      'onReject',
      'rejected',
      parentId,
    ]);
    // Nothing propagates from an interrupted child.
    expect(await rootVariables(h.engine, parent.processInstanceKey)).toEqual({ 户号: 'A7' });
  });

  it('an interrupting timer boundary event on the call activity terminates the child', async () => {
    let now = Date.UTC(2031, 5, 1);
    await pinClock(h.engine, now);
    try {
      const jobType = unique('child-work');
      const childId = await deployChild(jobType);
      const parentId = await deployParent(
        childId,
        {},
        `${boundaryEvent('late', 'call', timerDefinition('timeDuration', 'PT1H'))}${endEvent('timedOut')}${flow('late', 'timedOut')}`,
      );
      const parent = await h.zbc.createProcessInstance({ bpmnProcessId: parentId, variables: {} });
      const job = await activateJob(h.zbc, jobType);
      const child = await childOf(h.engine, childId);
      await h.zbc.setVariables({ elementInstanceKey: child, variables: { 子变量: 1 }, local: true });

      now += 60 * 60 * 1000;
      await pinClock(h.engine, now);
      await waitForCompletion(h.engine, parent.processInstanceKey);
      expect(await terminatedElements(h.engine, child)).toEqual(['task', childId]);
      expect(await terminatedElements(h.engine, parent.processInstanceKey)).toEqual(['call']);
      expect(await completedElements(h.engine, parent.processInstanceKey)).toEqual([
        'start',
        'late',
        'timedOut',
        parentId,
      ]);
      expect(await rootVariables(h.engine, parent.processInstanceKey)).toEqual({});
      await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
        code: status.NOT_FOUND,
      });
    } finally {
      await resetClock(h.engine);
    }
  });

  it('calling a process that is not deployed raises CALLED_ELEMENT_ERROR; deploying it and resolving continues', async () => {
    const jobType = unique('child-work');
    const childId = unique('missing-child');
    const parentId = await deployParent(childId);
    const parent = await h.zbc.createProcessInstance({ bpmnProcessId: parentId, variables: { 户号: 'A8' } });
    const incident = await waitForIncident(h.engine, parent.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'call' });
    expect(incident.errorMessage).toContain(childId);
    expect(await instancesOf(h.engine, childId)).toEqual([]);

    await deployChild(jobType, childId);
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    const job = await activateJob(h.zbc, jobType);
    expect(job.variables).toEqual({ 户号: 'A8' });
    await h.zbc.completeJob({ jobKey: job.key, variables: { 完成: true } });
    await waitForCompletion(h.engine, parent.processInstanceKey);
    expect(await completedElements(h.engine, parent.processInstanceKey)).toEqual(['start', 'call', 'end', parentId]);
    expect(await rootVariables(h.engine, parent.processInstanceKey)).toEqual({ 户号: 'A8', 完成: true });
  });

  it('nested calls: parent → child → grandchild; variables go down and come back up through both', async () => {
    const jobType = unique('grandchild-work');
    const grandchildId = await deployChild(jobType);
    const childId = unique('middle');
    await deploy(
      h.zbc,
      childId,
      bpmn(
        childId,
        `${startEvent()}${callActivity('callGrandchild', grandchildId)}${endEvent()}${chain('start', 'callGrandchild', 'end')}`,
      ),
    );
    const parentId = await deployParent(childId);
    const parent = await h.zbc.createProcessInstance({ bpmnProcessId: parentId, variables: { 层级: 0 } });
    const job = await activateJob(h.zbc, jobType);
    const child = await childOf(h.engine, childId);
    const grandchild = await childOf(h.engine, grandchildId);
    expect(job.processInstanceKey).toBe(grandchild);
    expect(job.variables).toEqual({ 层级: 0 });

    const grandchildRecord = (await recordsOf(h.engine, grandchild)).find(
      (r) => r.valueType === 'PROCESS_INSTANCE' && r.value.bpmnElementType === 'PROCESS',
    )!;
    expect(String(grandchildRecord.value.parentProcessInstanceKey)).toBe(child);
    expect(String(grandchildRecord.value.parentElementInstanceKey)).toBe(
      await elementInstanceKey(h.engine, child, 'callGrandchild'),
    );
    expect(await activatedElements(h.engine, child)).toEqual([childId, 'start', 'callGrandchild']);

    await h.zbc.completeJob({ jobKey: job.key, variables: { 层级: 2 } });
    await waitForCompletion(h.engine, parent.processInstanceKey);
    expect(await completedElements(h.engine, grandchild)).toEqual(['start', 'task', 'end', grandchildId]);
    expect(await completedElements(h.engine, child)).toEqual(['start', 'callGrandchild', 'end', childId]);
    expect(await completedElements(h.engine, parent.processInstanceKey)).toEqual(['start', 'call', 'end', parentId]);
    expect(await rootVariables(h.engine, parent.processInstanceKey)).toEqual({ 层级: 2 });
  });

  it('cancelling the root of a nested call tree terminates every level', async () => {
    const jobType = unique('grandchild-work');
    const grandchildId = await deployChild(jobType);
    const childId = unique('middle');
    await deploy(
      h.zbc,
      childId,
      bpmn(
        childId,
        `${startEvent()}${callActivity('callGrandchild', grandchildId)}${endEvent()}${chain('start', 'callGrandchild', 'end')}`,
      ),
    );
    const parentId = await deployParent(childId);
    const parent = await h.zbc.createProcessInstance({ bpmnProcessId: parentId, variables: {} });
    const job = await activateJob(h.zbc, jobType);
    const child = await childOf(h.engine, childId);
    const grandchild = await childOf(h.engine, grandchildId);
    await h.zbc.cancelProcessInstance(parent.processInstanceKey);
    await waitFor(async () => (await terminatedElements(h.engine, parent.processInstanceKey)).includes(parentId), {
      description: 'the root to be terminated',
    });
    expect(await terminatedElements(h.engine, grandchild)).toEqual(['task', grandchildId]);
    expect(await terminatedElements(h.engine, child)).toEqual(['callGrandchild', childId]);
    await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});
