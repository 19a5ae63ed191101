/**
 * One test per BPMN element kind the engine runs: the variables an instance ends with and the path it took (the
 * engine's committed ELEMENT_COMPLETED / ELEMENT_TERMINATED records).
 */
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  completedElements,
  deployFixture,
  instanceCompleted,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
} from './engine-kit';

const h = useEngine();

describe('Elements', () => {
  it('none start and end events, a task without type, a manual task and a none throw event pass through', async () => {
    await deployFixture(h.zbc, 'pass-through.bpmn');
    const result = await h.zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'pass-through',
      variables: { 金额: 4 },
    });
    // The throw event's input mappings are its locals (加一 reads 金额, 翻倍 reads the earlier target 加一); only the
    // output mapping reaches the process.
    expect(result.variables).toEqual({ 金额: 4, 结果: 10 });
    expect(await completedElements(h.engine, result.processInstanceKey)).toEqual([
      'start',
      'register',
      'review',
      'notify',
      'end',
      'pass-through',
    ]);
  });

  it('a service task: static type, retries and headers; FEEL type and retries', async () => {
    await deployFixture(h.zbc, 'service-tasks.bpmn');
    const kind = unique('dyn');
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'service-tasks',
      variables: { kind, retryCount: 6 },
    });

    const first = await activateJob(h.zbc, 'engine-it-static-type');
    expect(first).toMatchObject({
      processInstanceKey: instance.processInstanceKey,
      elementId: 'static',
      retries: 5,
      customHeaders: { 区域: '华东', priority: 'high' },
    });
    await h.zbc.completeJob({ jobKey: first.key, variables: { 勘查结果: '通过' } });

    const second = await activateJob(h.zbc, `engine-it-${kind}`);
    expect(second).toMatchObject({ elementId: 'dynamic', retries: 7, customHeaders: {} });
    expect(second.variables).toEqual({ kind, retryCount: 6, 勘查结果: '通过' });
    await h.zbc.completeJob({ jobKey: second.key, variables: {} });

    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'static',
      'dynamic',
      'end',
      'service-tasks',
    ]);
  });

  it('a script task stores its result variable; with output mappings only the mapped targets', async () => {
    await deployFixture(h.zbc, 'script-tasks.bpmn');
    const result = await h.zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'script-tasks',
      variables: { 单价: 0.5, 电量: 200, 账单: { 户号: 'A01' } },
    });
    expect(result.variables).toEqual({
      单价: 0.5,
      电量: 200,
      电费: 100,
      税额: 13,
      账单: { 户号: 'A01', 合计: 113 },
    });
    expect(result.variables).not.toHaveProperty('税额临时');
    expect(await completedElements(h.engine, result.processInstanceKey)).toEqual([
      'start',
      'fee',
      'tax',
      'end',
      'script-tasks',
    ]);
  });

  it('an embedded subprocess: its locals stay inside, its output mappings reach the process', async () => {
    await deployFixture(h.zbc, 'subprocess.bpmn');
    const result = await h.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'subprocess', variables: { 读数: 3 } });
    // 倍率读数 = 30 (input), the script updates that local to 35, the output mapping gives 36.
    expect(result.variables).toEqual({ 读数: 3, 结算读数: 36 });
    expect(await completedElements(h.engine, result.processInstanceKey)).toEqual([
      'start',
      'subStart',
      'inner',
      'subEnd',
      'sub',
      'end',
      'subprocess',
    ]);
  });

  it('a terminate end event at the top level cancels the other branches and completes the process', async () => {
    await deployFixture(h.zbc, 'terminate-top.bpmn');
    const typeA = unique('survey');
    const typeB = unique('withdraw');
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: 'terminate-top', variables: { typeA, typeB } });
    const survey = await activateJob(h.zbc, typeA);
    const withdraw = await activateJob(h.zbc, typeB);

    await h.zbc.completeJob({ jobKey: withdraw.key, variables: { 撤回: true } });
    await waitForCompletion(h.engine, instance.processInstanceKey);

    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['survey']);
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect(completed).toEqual(['start', 'fork', 'withdraw', 'terminate', 'terminate-top']);
    // The other branch's job went with its task.
    await expect(h.zbc.completeJob({ jobKey: survey.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('a terminate end event inside a subprocess ends only the subprocess; the process goes on', async () => {
    await deployFixture(h.zbc, 'terminate-sub.bpmn');
    const [typeA, typeB, typeC] = [unique('a'), unique('b'), unique('c')];
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'terminate-sub',
      variables: { typeA, typeB, typeC },
    });
    const subA = await activateJob(h.zbc, typeA);
    const subB = await activateJob(h.zbc, typeB);
    const outside = await activateJob(h.zbc, typeC);

    await h.zbc.completeJob({ jobKey: subB.key, variables: {} });
    await expect(h.zbc.completeJob({ jobKey: subA.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['subA']);
    const soFar = await completedElements(h.engine, instance.processInstanceKey);
    expect(soFar).toEqual(expect.arrayContaining(['subTerminate', 'sub', 'afterSub']));
    expect(soFar).not.toContain('outside');
    expect(await instanceCompleted(h.engine, instance.processInstanceKey)).toBe(false);

    await h.zbc.completeJob({ jobKey: outside.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect(completed.slice(-4)).toEqual(['outside', 'join', 'end', 'terminate-sub']);
  });
});
