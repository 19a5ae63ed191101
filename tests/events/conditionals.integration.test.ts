/**
 * Conditional events (Zeebe's conditionals concept): intermediate catch, boundary (interrupting and not) and event
 * subprocess start events whose FEEL condition is evaluated when they open and when a variable it reads changes in
 * a scope they can see; set over gRPC (SetVariables, CompleteJob) and REST (element-instance variables). Also the
 * deploy-time refusals for what Zeebe does not run (complex gateway, standard loop) or this engine not yet
 * (a process-level conditional start event).
 */
import { CamundaRestClient } from '@camunda8/sdk';
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  activateNow,
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
  conditionalDefinition,
  deploy,
  endEvent,
  eventSubProcess,
  flow,
  ioMapping,
  serviceTask,
  startEvent,
} from './event-kit';

const h = useEngine();

/** Deploys one process with the given body. */
const deployWith = (processId: string, body: string) => deploy(h.zbc, processId, bpmn(processId, body));

const waitForActivation = (processInstanceKey: string, elementId: string, times = 1) =>
  waitFor(async () => (await activations(h.engine, processInstanceKey, elementId)) >= times, {
    description: `${elementId} to be activated ${times} time(s)`,
  });

describe('Conditional events', () => {
  let rest: CamundaRestClient;
  beforeAll(() => {
    rest = new CamundaRestClient({
      config: { ZEEBE_REST_ADDRESS: h.engine.restAddress, ...h.engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
    });
  });

  it('an intermediate catch event waits until a variable change makes its condition true', async () => {
    const processId = unique('cond-catch');
    await deployWith(
      processId,
      `${startEvent()}${catchEvent('wait', conditionalDefinition('=负荷 > 10'))}${endEvent()}${chain('start', 'wait', 'end')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 负荷: 5 } });
    await waitForActivation(instance.processInstanceKey, 'wait');

    // A change that keeps the condition false, and one to a variable the condition does not read: still waiting.
    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { 负荷: 8, 其他: 99 },
      local: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start']);

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { 负荷: 12 },
      local: false,
    });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start', 'wait', 'end', processId]);
  });

  it('a condition already true when the event is reached triggers at once', async () => {
    const processId = unique('cond-at-once');
    await deployWith(
      processId,
      `${startEvent()}${catchEvent('wait', conditionalDefinition('=ready'))}${endEvent()}${chain('start', 'wait', 'end')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { ready: true } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });

  it('an interrupting boundary event fires on activation when its condition holds, cancelling the task and its job', async () => {
    const processId = unique('cond-boundary-now');
    const jobType = unique('cond-work');
    await deployWith(
      processId,
      `${startEvent()}${serviceTask('task', jobType)}${boundaryEvent('changed', 'task', conditionalDefinition('=x > 10'))}
           ${endEvent('done')}${endEvent('diverted')}${chain('start', 'task', 'done')}${flow('changed', 'diverted')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { x: 11 } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toContain('diverted');
    expect(await activateNow(h.zbc, jobType)).toEqual([]);
  });

  it('a variable set by the task input mapping can trigger its boundary event; one set by a job completion cannot', async () => {
    const processId = unique('cond-boundary-mapping');
    const jobType = unique('cond-mapped');
    await deployWith(
      processId,
      `${startEvent()}${serviceTask('task', jobType, ioMapping({ limit: '=base * 2' }))}
           ${boundaryEvent('over', 'task', conditionalDefinition('=limit > 100'))}
           ${endEvent('done')}${endEvent('diverted')}${chain('start', 'task', 'done')}${flow('over', 'diverted')}`,
    );
    const triggered = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { base: 60 } });
    await waitForCompletion(h.engine, triggered.processInstanceKey);
    expect(await completedElements(h.engine, triggered.processInstanceKey)).toContain('diverted');

    // The boundary subscription closes when the task completes, before the job's variables are applied.
    const quiet = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { base: 10 } });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.completeJob({ jobKey: job.key, variables: { limit: 500 } });
    await waitForCompletion(h.engine, quiet.processInstanceKey);
    expect(await completedElements(h.engine, quiet.processInstanceKey)).toEqual(['start', 'task', 'done', processId]);
  });

  it('a non-interrupting boundary event fires on every relevant change while true; its filter limits the change kinds', async () => {
    const processId = unique('cond-boundary-repeat');
    const jobType = unique('cond-long');
    await deployWith(
      processId,
      `${startEvent()}${serviceTask('task', jobType)}
           ${boundaryEvent('every', 'task', conditionalDefinition('=温度 > 80'), { interrupting: false })}
           ${boundaryEvent('created', 'task', conditionalDefinition('=告警', 'create'), { interrupting: false })}
           ${endEvent('done')}${endEvent('noted')}${endEvent('alarmed')}
           ${chain('start', 'task', 'done')}${flow('every', 'noted')}${flow('created', 'alarmed')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 温度: 20 } });
    const key = instance.processInstanceKey;
    const job = await activateJob(h.zbc, jobType);
    const task = String(job.elementInstanceKey);

    await h.zbc.setVariables({ elementInstanceKey: key, variables: { 温度: 85 }, local: false });
    await waitForActivation(key, 'every', 1);
    // Over REST this time; still true and changed: fires again.
    await rest.updateElementInstanceVariables({ elementInstanceKey: key, variables: { 温度: 90 } });
    await waitForActivation(key, 'every', 2);
    // Back below the limit: no trigger.
    await h.zbc.setVariables({ elementInstanceKey: key, variables: { 温度: 50 }, local: false });

    // 告警 created (local to the task, which the boundary events see) fires `created`; updating it does not.
    await h.zbc.setVariables({ elementInstanceKey: task, variables: { 告警: true }, local: true });
    await waitForActivation(key, 'alarmed');
    await h.zbc.setVariables({ elementInstanceKey: task, variables: { 告警: false }, local: true });
    await h.zbc.setVariables({ elementInstanceKey: task, variables: { 告警: true }, local: true });

    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, key);
    expect(await activations(h.engine, key, 'every')).toBe(2);
    expect(await activations(h.engine, key, 'created')).toBe(1);
    expect(await terminatedElements(h.engine, key)).toEqual([]);
  });

  it('several variables changed by one command trigger the event once', async () => {
    const processId = unique('cond-once');
    const jobType = unique('cond-once-work');
    await deployWith(
      processId,
      `${startEvent()}${serviceTask('task', jobType)}
           ${boundaryEvent('either', 'task', conditionalDefinition('=x > 10 or y > 5'), { interrupting: false })}
           ${endEvent('done')}${endEvent('noted')}${chain('start', 'task', 'done')}${flow('either', 'noted')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { x: 0, y: 0 } });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { x: 11, y: 6 },
      local: false,
    });
    await waitForActivation(instance.processInstanceKey, 'either');
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await activations(h.engine, instance.processInstanceKey, 'either')).toBe(1);
  });

  it('an interrupting event subprocess starts when a job completion sets its variable, ending the other work', async () => {
    const processId = unique('cond-esp');
    const first = unique('cond-first');
    const second = unique('cond-second');
    await deployWith(
      processId,
      `${startEvent()}${serviceTask('a', first)}${serviceTask('b', second)}${endEvent()}
           ${chain('start', 'a', 'b', 'end')}
           ${eventSubProcess('cancel', conditionalDefinition('=客户撤回 = true'), `${endEvent('cancelled')}${flow('cancelStart', 'cancelled')}`)}`,
    );
    const key = (await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { 客户撤回: false } }))
      .processInstanceKey;
    const job = await activateJob(h.zbc, first);
    // The completion's variables are evaluated before the token it releases reaches b: b never starts.
    await h.zbc.completeJob({ jobKey: job.key, variables: { 客户撤回: true } });
    await waitForCompletion(h.engine, key);
    expect(await completedElements(h.engine, key)).toEqual([
      'start',
      'a',
      'cancelStart',
      'cancelled',
      'cancel',
      processId,
    ]);
    expect(await activateNow(h.zbc, second)).toEqual([]);
  });

  it('an interrupting event subprocess terminates the active task when a variable set on the instance makes it true', async () => {
    const processId = unique('cond-esp-set');
    const jobType = unique('cond-esp-work');
    await deployWith(
      processId,
      `${startEvent()}${serviceTask('a', jobType)}${endEvent()}${chain('start', 'a', 'end')}
           ${eventSubProcess('cancel', conditionalDefinition('=客户撤回'), `${endEvent('cancelled')}${flow('cancelStart', 'cancelled')}`)}`,
    );
    const key = (await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} })).processInstanceKey;
    const job = await activateJob(h.zbc, jobType);
    await rest.updateElementInstanceVariables({ elementInstanceKey: key, variables: { 客户撤回: true } });
    await waitForCompletion(h.engine, key);
    expect(await terminatedElements(h.engine, key)).toEqual(['a']);
    await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('a variable changed in one branch does not reach a conditional event of another scope', async () => {
    const processId = unique('cond-isolation');
    const inner = unique('cond-inner');
    const outer = unique('cond-outer');
    await deployWith(
      processId,
      `${startEvent()}<bpmn:parallelGateway id="fork" />
           <bpmn:subProcess id="sub">${startEvent('subStart')}${serviceTask('a', inner)}${endEvent('subEnd')}${chain('subStart', 'a', 'subEnd')}</bpmn:subProcess>
           ${serviceTask('b', outer)}${boundaryEvent('bFlag', 'b', conditionalDefinition('=flag'))}
           ${endEvent('e1')}${endEvent('e2')}${endEvent('e3')}
           ${chain('start', 'fork', 'sub', 'e1')}${chain('fork', 'b', 'e2')}${flow('bFlag', 'e3')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const key = instance.processInstanceKey;
    const jobA = await activateJob(h.zbc, inner);
    const jobB = await activateJob(h.zbc, outer);
    const sub = (await activatedElements(h.engine, key)).includes('sub');
    expect(sub).toBe(true);
    // flag local to the subprocess's task: b's boundary event cannot see it.
    await h.zbc.setVariables({
      elementInstanceKey: String(jobA.elementInstanceKey),
      variables: { flag: true },
      local: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await activations(h.engine, key, 'bFlag')).toBe(0);
    // At the process scope it can.
    await h.zbc.setVariables({ elementInstanceKey: key, variables: { flag: true }, local: false });
    await waitForActivation(key, 'bFlag');
    await h.zbc.completeJob({ jobKey: jobA.key, variables: {} });
    await waitForCompletion(h.engine, key);
    expect(await terminatedElements(h.engine, key)).toEqual(['b']);
    await expect(h.zbc.completeJob({ jobKey: jobB.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});

describe('Refused at deploy', () => {
  const refused = (processId: string, body: string) =>
    h.zbc.deployResource({ name: `${processId}.bpmn`, process: bpmn(processId, body) });

  it('a complex gateway, with the refusal Zeebe gives', async () => {
    const id = unique('complex');
    const deployment = refused(
      id,
      `${startEvent()}<bpmn:complexGateway id="cg" />${endEvent()}${chain('start', 'cg', 'end')}`,
    );
    await expect(deployment).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(deployment).rejects.toThrow("Elements of type 'ComplexGateway' are currently not supported");
  });

  it('a standard loop', async () => {
    const id = unique('loop');
    const deployment = refused(
      id,
      `${startEvent()}<bpmn:task id="t"><bpmn:standardLoopCharacteristics /></bpmn:task>${endEvent()}${chain('start', 't', 'end')}`,
    );
    await expect(deployment).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(deployment).rejects.toThrow('standard loop is not supported');
  });

  it('a process-level conditional start event, a conditional event without a condition and an unknown variable event', async () => {
    const id = unique('cond-bad');
    const deployment = refused(
      id,
      `<bpmn:startEvent id="condStart">${conditionalDefinition('=go')}</bpmn:startEvent>${endEvent()}${flow('condStart', 'end')}
       ${startEvent('plain')}${catchEvent('empty', '<bpmn:conditionalEventDefinition />')}
       ${catchEvent('filtered', conditionalDefinition('=x', 'create, delete'))}${endEvent('end2')}${chain('plain', 'empty', 'filtered', 'end2')}`,
    );
    await expect(deployment).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(deployment).rejects.toThrow('a conditional start event of a process is not supported yet');
    await expect(deployment).rejects.toThrow('must have a condition');
    await expect(deployment).rejects.toThrow("Variable event 'delete' is not valid");
  });
});
