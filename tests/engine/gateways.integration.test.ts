/**
 * Exclusive, parallel and inclusive gateways (docs/zeebe-rules.md §5, §13.3): which flows are taken, when joins fire,
 * and the incidents a gateway raises when it has no way on.
 */
import {
  activateJob,
  activateNow,
  activatedElements,
  completedElements,
  deployFixture,
  instanceCompleted,
  openIncidents,
  recordsOf,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
} from './engine-kit';

const h = useEngine();

beforeAll(async () => {
  for (const name of ['exclusive', 'exclusive-no-default', 'non-boolean-condition', 'parallel', 'inclusive']) {
    await deployFixture(h.zbc, `${name}.bpmn`);
  }
});

/** The sequence flows an instance took, in order. */
async function flowsTaken(processInstanceKey: string): Promise<string[]> {
  return (await recordsOf(h.engine, processInstanceKey))
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'SEQUENCE_FLOW_TAKEN')
    .map((r) => String(r.value.elementId));
}

describe('Exclusive gateway', () => {
  it.each([
    [500, 'large', 'toLarge'], // both conditions are true: the first in XML order wins
    [50, 'medium', 'toMedium'],
    [1, 'small', 'toSmall'], // none is true: the default flow
  ])('容量 %d goes to %s', async (容量, task, flow) => {
    const result = await h.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'exclusive', variables: { 容量 } });
    expect(result.variables).toEqual({ 容量 });
    expect(await completedElements(h.engine, result.processInstanceKey)).toEqual([
      'start',
      'route',
      task,
      'merge',
      'end',
      'exclusive',
    ]);
    expect(await flowsTaken(result.processInstanceKey)).toEqual(['f1', flow, `${task[0]}2`, 'fe']);
  });

  it('no true condition and no default: CONDITION_ERROR; fix the variables and resolve, and it continues', async () => {
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'exclusive-no-default',
      variables: { 类别: '农业' },
    });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'route' });
    expect(await instanceCompleted(h.engine, instance.processInstanceKey)).toBe(false);

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { 类别: '工商业' },
      local: false,
    });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'route',
      'endB',
      'exclusive-no-default',
    ]);
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toEqual([]);
  });

  it('a condition that gives null (x > 5 with x missing) raises an incident instead of counting as false', async () => {
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: 'non-boolean-condition', variables: {} });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'route' });
    // The default flow was not taken in its place.
    expect(await activatedElements(h.engine, instance.processInstanceKey)).not.toContain('endSmall');

    await h.zbc.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { x: 9 }, local: false });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'route',
      'endBig',
      'non-boolean-condition',
    ]);
  });
});

describe('Parallel gateway', () => {
  it('forks into both branches and joins only when both have arrived', async () => {
    const [typeA, typeB] = [unique('a'), unique('b')];
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: 'parallel', variables: { typeA, typeB } });
    const jobA = await activateJob(h.zbc, typeA);
    const jobB = await activateJob(h.zbc, typeB);

    await h.zbc.completeJob({ jobKey: jobA.key, variables: { 营销意见: '同意' } });
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start', 'fork', 'taskA']);
    expect(await activatedElements(h.engine, instance.processInstanceKey)).not.toContain('join');
    expect(await instanceCompleted(h.engine, instance.processInstanceKey)).toBe(false);

    await h.zbc.completeJob({ jobKey: jobB.key, variables: { 运检意见: '同意' } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'fork',
      'taskA',
      'taskB',
      'join',
      'end',
      'parallel',
    ]);
  });
});

describe('Inclusive gateway', () => {
  const start = (variables: Record<string, unknown>) => {
    const types = { typeA: unique('a'), typeB: unique('b'), typeC: unique('c') };
    return h.zbc
      .createProcessInstance({ bpmnProcessId: 'inclusive', variables: { ...types, ...variables } })
      .then((instance) => ({ instance, ...types }));
  };

  it('forks along every true condition, and the join waits for exactly those branches', async () => {
    const { instance, typeA, typeB, typeC } = await start({ 装表: true, 接电: true, 验收: false });
    const jobA = await activateJob(h.zbc, typeA);
    const jobB = await activateJob(h.zbc, typeB);
    expect(await activateNow(h.zbc, typeC)).toEqual([]);

    await h.zbc.completeJob({ jobKey: jobB.key, variables: {} });
    expect(await activatedElements(h.engine, instance.processInstanceKey)).not.toContain('join');
    expect(await instanceCompleted(h.engine, instance.processInstanceKey)).toBe(false);

    await h.zbc.completeJob({ jobKey: jobA.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect(completed).toEqual(['start', 'fork', 'taskB', 'taskA', 'join', 'end', 'inclusive']);
    expect(completed.filter((id) => id === 'join')).toHaveLength(1);
  });

  it('with one branch taken, the join fires when that branch arrives', async () => {
    const { instance, typeC } = await start({ 装表: false, 接电: false, 验收: true });
    const jobC = await activateJob(h.zbc, typeC);
    await h.zbc.completeJob({ jobKey: jobC.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'fork',
      'taskC',
      'join',
      'end',
      'inclusive',
    ]);
  });

  it('with no true condition, takes the default flow', async () => {
    const result = await h.zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'inclusive',
      variables: { 装表: false, 接电: false, 验收: false },
    });
    expect(await completedElements(h.engine, result.processInstanceKey)).toEqual([
      'start',
      'fork',
      'nothing',
      'join',
      'end',
      'inclusive',
    ]);
  });
});
