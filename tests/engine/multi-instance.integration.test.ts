/**
 * Multi-instance activities (docs/zeebe-rules.md §2.9): a service task, an embedded subprocess and a call activity, run
 * in parallel or in sequence over an input collection; loopCounter and inputElement per inner instance; the output
 * collection in item order; an empty collection; the completion condition; a non-array collection as an incident;
 * boundary events (timer, error) on the whole body.
 */
import { status } from '@grpc/grpc-js';
import { waitFor } from '../support/wait-for';
import {
  bpmn,
  boundaryEvent,
  chain,
  deploy,
  endEvent,
  errorDefinition,
  flow,
  ioMapping,
  rootVariables,
  serviceTask,
  startEvent,
  timerDefinition,
} from '../events/event-kit';
import {
  activateJobs,
  activateNow,
  completedElements,
  openIncidents,
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

type Mode = 'parallel' | 'sequential';

interface Loop {
  mode: Mode;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

/** bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics (and a completion condition). */
function loop(l: Loop): string {
  const attributes = Object.entries({
    inputCollection: l.inputCollection,
    inputElement: l.inputElement,
    outputCollection: l.outputCollection,
    outputElement: l.outputElement,
  })
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const condition = l.completionCondition
    ? `<bpmn:completionCondition xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression">${l.completionCondition}</bpmn:completionCondition>`
    : '';
  return `<bpmn:multiInstanceLoopCharacteristics isSequential="${l.mode === 'sequential'}"><bpmn:extensionElements><zeebe:loopCharacteristics${attributes} /></bpmn:extensionElements>${condition}</bpmn:multiInstanceLoopCharacteristics>`;
}

/** A multi-instance service task `task`; `io` goes into its extension elements (input mappings per instance). */
const miServiceTask = (jobType: string, l: Loop, io = ''): string =>
  `<bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="${jobType}" />${io}</bpmn:extensionElements>${loop(l)}</bpmn:serviceTask>`;

/** A multi-instance embedded subprocess `task`: subStart → inner (a job) → subEnd. */
const miSubProcess = (jobType: string, l: Loop, io = ''): string =>
  `<bpmn:subProcess id="task">${io ? `<bpmn:extensionElements>${io}</bpmn:extensionElements>` : ''}${loop(l)}
    ${startEvent('subStart')}${serviceTask('inner', jobType)}${endEvent('subEnd')}${chain('subStart', 'inner', 'subEnd')}
  </bpmn:subProcess>`;

/** A multi-instance call activity `task` calling `childId`. */
const miCallActivity = (childId: string, l: Loop, io = ''): string =>
  `<bpmn:callActivity id="task"><bpmn:extensionElements><zeebe:calledElement processId="${childId}" />${io}</bpmn:extensionElements>${loop(l)}</bpmn:callActivity>`;

/** start → (the multi-instance activity `task`) → end, plus `extra`. */
async function deployAround(activity: string, extra = '', roots = '') {
  const processId = unique('mi');
  await deploy(
    h.zbc,
    processId,
    bpmn(processId, `${startEvent()}${activity}${endEvent()}${chain('start', 'task', 'end')}${extra}`, roots),
  );
  return processId;
}

type Job = Awaited<ReturnType<typeof activateJobs>>[number];

/** The PROCESS_INSTANCE records of an element id, by bpmnElementType and intent, in order. */
async function lifecycle(processInstanceKey: string, elementId: string) {
  return (await recordsOf(h.engine, processInstanceKey))
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.value.elementId === elementId)
    .map((r) => `${String(r.value.bpmnElementType)}:${r.intent}`);
}

const isBodyCompleted = async (processInstanceKey: string) =>
  (await lifecycle(processInstanceKey, 'task')).includes('MULTI_INSTANCE_BODY:ELEMENT_COMPLETED');

/** Works through the jobs of a type, one at a time (sequential) or all at once (parallel, completed in `order`). */
async function runJobs(
  jobType: string,
  mode: Mode,
  count: number,
  result: (job: Job) => Record<string, string | number>,
  order: (jobs: Job[]) => Job[] = (jobs) => [...jobs].reverse(),
): Promise<Job[]> {
  const seen: Job[] = [];
  if (mode === 'parallel') {
    const jobs = await activateJobs(h.zbc, jobType, count);
    // every inner instance runs at once
    expect(jobs).toHaveLength(count);
    for (const job of order(jobs)) await h.zbc.completeJob({ jobKey: job.key, variables: result(job) });
    seen.push(...jobs);
  } else {
    for (let i = 0; i < count; i++) {
      const [job] = await activateJobs(h.zbc, jobType, 1);
      // only one inner instance at a time
      expect(await activateNow(h.zbc, jobType)).toEqual([]);
      seen.push(job);
      await h.zbc.completeJob({ jobKey: job.key, variables: result(job) });
    }
  }
  return seen;
}

const byLoopCounter = (jobs: Job[]) =>
  [...jobs]
    .sort((a, b) => Number(a.variables.loopCounter) - Number(b.variables.loopCounter))
    .map((j) => ({ loopCounter: j.variables.loopCounter, 户号: j.variables.户号 }));

describe.each<Mode>(['parallel', 'sequential'])('Multi-instance (%s)', (mode) => {
  it('service task: an inner instance per item with inputElement and loopCounter; outputs in item order, null where none', async () => {
    const jobType = unique('mi-work');
    const processId = await deployAround(
      miServiceTask(
        jobType,
        { mode, inputCollection: '=户号列表', inputElement: '户号', outputCollection: '结果', outputElement: '=电费' },
        // each instance's own output variable (so that one instance's result is not seen by another), and an input
        // mapping that reads the inputElement
        ioMapping({ 电费: '=null', 标签: '=&quot;户-&quot; + 户号' }),
      ),
    );
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 户号列表: ['A', 'B', 'C'] },
    });
    const jobs = await runJobs(jobType, mode, 3, (job) =>
      // the second item produces no output
      job.variables.户号 === 'B' ? ({} as Record<string, string>) : { 电费: `${String(job.variables.户号)}-fee` },
    );
    if (mode === 'sequential') expect(jobs.map((j) => j.variables.loopCounter)).toEqual([1, 2, 3]);
    expect(byLoopCounter(jobs)).toEqual([
      { loopCounter: 1, 户号: 'A' },
      { loopCounter: 2, 户号: 'B' },
      { loopCounter: 3, 户号: 'C' },
    ]);
    for (const job of jobs) expect(job.variables.标签).toBe(`户-${String(job.variables.户号)}`);

    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({
      户号列表: ['A', 'B', 'C'],
      结果: ['A-fee', null, 'C-fee'],
    });
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'task',
      'task',
      'task',
      'task',
      'end',
      processId,
    ]);
    const taskRecords = await lifecycle(instance.processInstanceKey, 'task');
    expect(taskRecords.filter((r) => r.startsWith('MULTI_INSTANCE_BODY'))).toEqual([
      'MULTI_INSTANCE_BODY:ELEMENT_ACTIVATING',
      'MULTI_INSTANCE_BODY:ELEMENT_ACTIVATED',
      'MULTI_INSTANCE_BODY:ELEMENT_COMPLETING',
      'MULTI_INSTANCE_BODY:ELEMENT_COMPLETED',
    ]);
    expect(taskRecords.filter((r) => r === 'SERVICE_TASK:ELEMENT_COMPLETED')).toHaveLength(3);
  });

  it('embedded subprocess: the inner elements see inputElement and loopCounter; outputs collected in order', async () => {
    const jobType = unique('mi-sub');
    const processId = await deployAround(
      miSubProcess(
        jobType,
        { mode, inputCollection: '=户号列表', inputElement: '户号', outputCollection: '结果', outputElement: '=电量' },
        ioMapping({ 电量: '=null' }),
      ),
    );
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 户号列表: ['A', 'B', 'C'] },
    });
    const jobs = await runJobs(jobType, mode, 3, (job) => ({ 电量: Number(job.variables.loopCounter) * 100 }));
    expect(byLoopCounter(jobs)).toEqual([
      { loopCounter: 1, 户号: 'A' },
      { loopCounter: 2, 户号: 'B' },
      { loopCounter: 3, 户号: 'C' },
    ]);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({
      户号列表: ['A', 'B', 'C'],
      结果: [100, 200, 300],
    });
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect(completed.filter((id) => id === 'inner')).toHaveLength(3);
    expect(completed.filter((id) => id === 'task')).toHaveLength(4);
    expect(completed.slice(-3)).toEqual(['task', 'end', processId]);
  });

  it('call activity: one child instance per item, which sees inputElement and loopCounter; outputs in order', async () => {
    const jobType = unique('mi-child-work');
    const childId = unique('mi-child');
    await deploy(
      h.zbc,
      childId,
      bpmn(childId, `${startEvent()}${serviceTask('work', jobType)}${endEvent()}${chain('start', 'work', 'end')}`),
    );
    // An output mapping, as Zeebe users must: without one, each child's copy of the (then empty) output collection
    // would propagate back over the body's (camunda/camunda#11476).
    const processId = await deployAround(
      miCallActivity(
        childId,
        { mode, inputCollection: '=户号列表', inputElement: '户号', outputCollection: '结果', outputElement: '=回执' },
        ioMapping({}, { 回执: '=回执' }),
      ),
    );
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 户号列表: ['A', 'B', 'C'] },
    });
    const jobs = await runJobs(jobType, mode, 3, (job) => ({ 回执: `ok-${String(job.variables.户号)}` }));
    expect(byLoopCounter(jobs)).toEqual([
      { loopCounter: 1, 户号: 'A' },
      { loopCounter: 2, 户号: 'B' },
      { loopCounter: 3, 户号: 'C' },
    ]);
    // three different child instances
    expect(new Set(jobs.map((j) => j.processInstanceKey)).size).toBe(3);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect((await rootVariables(h.engine, instance.processInstanceKey)).结果).toEqual(['ok-A', 'ok-B', 'ok-C']);
    for (const job of jobs) {
      expect(await completedElements(h.engine, job.processInstanceKey)).toEqual(['start', 'work', 'end', childId]);
    }
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect(completed.filter((id) => id === 'task')).toHaveLength(4);
  });

  it('an empty input collection completes the body at once with an empty output collection', async () => {
    const jobType = unique('mi-empty');
    const processId = await deployAround(
      miServiceTask(jobType, {
        mode,
        inputCollection: '=户号列表',
        inputElement: '户号',
        outputCollection: '结果',
        outputElement: '=电费',
      }),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 户号列表: [] } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start', 'task', 'end', processId]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ 户号列表: [], 结果: [] });
    expect(await activateNow(h.zbc, jobType)).toEqual([]);
  });

  it('the completion condition (numberOfCompletedInstances, numberOfInstances) terminates the remaining instances', async () => {
    const jobType = unique('mi-cond');
    const processId = await deployAround(
      miServiceTask(
        jobType,
        {
          mode,
          inputCollection: '=户号列表',
          inputElement: '户号',
          outputCollection: '结果',
          outputElement: '=电费',
          completionCondition: '=numberOfCompletedInstances &gt;= numberOfInstances - 2',
        },
        ioMapping({ 电费: '=null' }),
      ),
    );
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 户号列表: ['A', 'B', 'C', 'D'] },
    });
    let remaining: Job[] = [];
    if (mode === 'parallel') {
      const jobs = await activateJobs(h.zbc, jobType, 4);
      const byItem = new Map(jobs.map((j) => [j.variables.户号, j]));
      await h.zbc.completeJob({ jobKey: byItem.get('C')!.key, variables: { 电费: 'C' } });
      expect(await isBodyCompleted(instance.processInstanceKey)).toBe(false);
      await h.zbc.completeJob({ jobKey: byItem.get('A')!.key, variables: { 电费: 'A' } });
      remaining = [byItem.get('B')!, byItem.get('D')!];
    } else {
      for (const item of ['A', 'B']) {
        const [job] = await activateJobs(h.zbc, jobType, 1);
        expect(job.variables.户号).toBe(item);
        await h.zbc.completeJob({ jobKey: job.key, variables: { 电费: item } });
      }
    }
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const expected = mode === 'parallel' ? ['A', null, 'C', null] : ['A', 'B', null, null];
    expect((await rootVariables(h.engine, instance.processInstanceKey)).结果).toEqual(expected);
    // parallel: the two others are terminated; sequential: the rest never start
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
      mode === 'parallel' ? ['task', 'task'] : [],
    );
    expect((await completedElements(h.engine, instance.processInstanceKey)).slice(-3)).toEqual([
      'task',
      'end',
      processId,
    ]);
    for (const job of remaining) {
      await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
        code: status.NOT_FOUND,
      });
    }
    expect(await activateNow(h.zbc, jobType)).toEqual([]);
  });

  it('a non-array input collection raises an incident; fixing the variable and resolving continues', async () => {
    const jobType = unique('mi-bad');
    const processId = await deployAround(
      miServiceTask(jobType, { mode, inputCollection: '=户号列表', inputElement: '户号' }),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 户号列表: 'A,B' } });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task' });
    expect(await activateNow(h.zbc, jobType)).toEqual([]);

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { 户号列表: ['A', 'B'] },
      local: false,
    });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    const jobs = await runJobs(jobType, mode, 2, () => ({}));
    expect(jobs.map((j) => j.variables.户号).sort()).toEqual(['A', 'B']);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toEqual([]);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'task',
      'task',
      'task',
      'end',
      processId,
    ]);
  });

  it('a completion condition that fails raises an incident on the completing inner instance; fixing and resolving retries it', async () => {
    const jobType = unique('mi-cond-bad');
    const processId = await deployAround(
      miServiceTask(jobType, {
        mode,
        inputCollection: '=户号列表',
        inputElement: '户号',
        completionCondition: '=阈值 &gt; 5',
      }),
    );
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 户号列表: ['A', 'B'] },
    });
    const jobs = await activateJobs(h.zbc, jobType, mode === 'parallel' ? 2 : 1);
    await h.zbc.completeJob({ jobKey: jobs[0].key, variables: {} });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task' });
    expect(incident.elementInstanceKey).toBe(jobs[0].elementInstanceKey);
    expect(incident.errorMessage).toContain('阈值 > 5');

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { 阈值: 10 },
      local: false,
    });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    // the condition now holds: the body completes, the other instance (if running) is terminated
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toEqual([]);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
      mode === 'parallel' ? ['task'] : [],
    );
    expect((await completedElements(h.engine, instance.processInstanceKey)).slice(-4)).toEqual([
      'task',
      'task',
      'end',
      processId,
    ]);
    expect(await activateNow(h.zbc, jobType)).toEqual([]);
  });

  it('the completion condition is evaluated in the completing instance’s scope (it sees inputElement and the instance’s locals)', async () => {
    const jobType = unique('mi-cond-scope');
    const processId = await deployAround(
      miServiceTask(
        jobType,
        {
          mode,
          inputCollection: '=户号列表',
          inputElement: '户号',
          completionCondition: '=户号 = &quot;B&quot; and 合格',
        },
        ioMapping({ 合格: '=false' }),
      ),
    );
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 户号列表: ['A', 'B', 'C'] },
    });
    // A and B pass (their result updates their local 合格); only B's satisfies the condition
    const results: Record<string, boolean> = { A: true, B: true, C: false };
    let open: Job[] = [];
    if (mode === 'parallel') {
      const jobs = await activateJobs(h.zbc, jobType, 3);
      for (const item of ['A', 'B']) {
        const job = jobs.find((j) => j.variables.户号 === item)!;
        await h.zbc.completeJob({ jobKey: job.key, variables: { 合格: results[item] } });
      }
      open = jobs.filter((j) => j.variables.户号 === 'C');
    } else {
      for (const item of ['A', 'B']) {
        const [job] = await activateJobs(h.zbc, jobType, 1);
        expect(job.variables.户号).toBe(item);
        await h.zbc.completeJob({ jobKey: job.key, variables: { 合格: results[item] } });
      }
    }
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
      mode === 'parallel' ? ['task'] : [],
    );
    for (const job of open) {
      await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
        code: status.NOT_FOUND,
      });
    }
    // the inner locals never reached the process
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ 户号列表: ['A', 'B', 'C'] });
  });

  it('an error thrown by one inner instance is caught by an error boundary event on the activity: the whole body ends', async () => {
    const jobType = unique('mi-err');
    const processId = await deployAround(
      miServiceTask(jobType, { mode, inputCollection: '=户号列表', inputElement: '户号' }),
      `${boundaryEvent('onReject', 'task', errorDefinition('reject'))}${endEvent('rejected')}${flow('onReject', 'rejected')}`,
      '<bpmn:error id="reject" errorCode="REJECTED" />',
    );
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { 户号列表: ['A', 'B', 'C'] },
    });
    let others: Job[] = [];
    if (mode === 'parallel') {
      const jobs = await activateJobs(h.zbc, jobType, 3);
      const thrower = jobs.find((j) => j.variables.户号 === 'B')!;
      others = jobs.filter((j) => j !== thrower);
      await h.zbc.throwError({ jobKey: thrower.key, errorCode: 'REJECTED', errorMessage: 'B rejected' });
    } else {
      const [first] = await activateJobs(h.zbc, jobType, 1);
      await h.zbc.completeJob({ jobKey: first.key, variables: {} });
      const [second] = await activateJobs(h.zbc, jobType, 1);
      expect(second.variables.户号).toBe('B');
      await h.zbc.throwError({ jobKey: second.key, errorCode: 'REJECTED', errorMessage: 'B rejected' });
    }
    await waitForCompletion(h.engine, instance.processInstanceKey);
    // the inner instances still running, then the body
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
      mode === 'parallel' ? ['task', 'task', 'task', 'task'] : ['task', 'task'],
    );
    expect((await completedElements(h.engine, instance.processInstanceKey)).slice(-3)).toEqual([
      'onReject',
      'rejected',
      processId,
    ]);
    expect(await completedElements(h.engine, instance.processInstanceKey)).not.toContain('end');
    for (const job of others) {
      await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
        code: status.NOT_FOUND,
      });
    }
    expect(await activateNow(h.zbc, jobType)).toEqual([]);
  });
});

describe('Multi-instance with a boundary timer (pinned clock)', () => {
  let now = Date.UTC(2032, 2, 1);
  beforeAll(() => pinClock(h.engine, now));
  afterAll(() => resetClock(h.engine));

  it.each<Mode>(['parallel', 'sequential'])(
    'an interrupting timer on a %s multi-instance task terminates the whole body',
    async (mode) => {
      const jobType = unique('mi-timer');
      const processId = await deployAround(
        miServiceTask(jobType, { mode, inputCollection: '=户号列表', inputElement: '户号' }),
        `${boundaryEvent('late', 'task', timerDefinition('timeDuration', 'PT1H'))}${endEvent('timedOut')}${flow('late', 'timedOut')}`,
      );
      const instance = await h.zbc.createProcessInstance({
        bpmnProcessId: processId,
        variables: { 户号列表: ['A', 'B', 'C'] },
      });
      const jobs = await activateJobs(h.zbc, jobType, mode === 'parallel' ? 3 : 1);
      // one timer for the body, not one per inner instance
      const timers = (await recordsOf(h.engine, instance.processInstanceKey)).filter(
        (r) => r.valueType === 'TIMER' && r.intent === 'CREATED',
      );
      expect(timers).toHaveLength(1);

      now += 60 * 60 * 1000;
      await pinClock(h.engine, now);
      await waitForCompletion(h.engine, instance.processInstanceKey);
      expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
        mode === 'parallel' ? ['task', 'task', 'task', 'task'] : ['task', 'task'],
      );
      expect((await completedElements(h.engine, instance.processInstanceKey)).slice(-3)).toEqual([
        'late',
        'timedOut',
        processId,
      ]);
      for (const job of jobs) {
        await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
          code: status.NOT_FOUND,
        });
      }
      await waitFor(async () => (await activateNow(h.zbc, jobType)).length === 0, {
        description: 'no job left',
      });
    },
  );
});
