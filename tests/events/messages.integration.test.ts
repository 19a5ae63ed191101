/**
 * Messages (docs/zeebe-rules.md §6, §2.5, §2.7): subscriptions by name and correlation key, buffering with a time to
 * live, correlation once per process id, message boundary and start events, and message throw events as jobs.
 */
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  activateJobs,
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
  extensions,
  flow,
  instancesOf,
  ioMapping,
  message,
  messageDefinition,
  rootVariables,
  serviceTask,
  startEvent,
  throwEvent,
} from './event-kit';

const h = useEngine();

/** start → catch (message `name`, key =orderId) → end. */
async function deployCatch(processId: string, name: string) {
  await deploy(
    h.zbc,
    processId,
    bpmn(
      processId,
      `${startEvent()}${catchEvent('wait', messageDefinition('msg'))}${endEvent()}${chain('start', 'wait', 'end')}`,
      message('msg', name, '=orderId'),
    ),
  );
}

/** Waits until the element has been activated in the instance (its subscriptions are then open). */
const waitForActivation = (processInstanceKey: string, elementId: string) =>
  waitFor(async () => (await activatedElements(h.engine, processInstanceKey)).includes(elementId), {
    description: `${elementId} to be activated in ${processInstanceKey}`,
  });

const isCompleted = async (processInstanceKey: string) =>
  (await completedElements(h.engine, processInstanceKey)).includes('end');

describe('Messages', () => {
  it('an intermediate catch event correlates by a FEEL correlation key, and the message variables merge in', async () => {
    const processId = unique('msg-catch');
    const name = unique('付款通知');
    await deployCatch(processId, name);
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: processId,
      variables: { orderId: 'SO-1', 金额: 1 },
    });
    await waitForActivation(instance.processInstanceKey, 'wait');
    await h.zbc.publishMessage({ name, correlationKey: 'SO-2', variables: { 金额: 99 } }); // another key: not ours
    await h.zbc.publishMessage({ name, correlationKey: 'SO-1', variables: { 金额: 100, 渠道: '网银' } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start', 'wait', 'end', processId]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({
      orderId: 'SO-1',
      金额: 100,
      渠道: '网银',
    });
  });

  it('a receive task correlates (numeric key); with output mappings only the mapped variables reach the process', async () => {
    const processId = unique('msg-receive');
    const name = unique('抄表结果');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}
        <bpmn:receiveTask id="receive" messageRef="msg">${extensions(ioMapping({}, { 读数: '=reading * 2' }))}</bpmn:receiveTask>
        ${endEvent()}${chain('start', 'receive', 'end')}`,
        message('msg', name, '=meter.id'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { meter: { id: 42 } } });
    await waitForActivation(instance.processInstanceKey, 'receive');
    await h.zbc.publishMessage({ name, correlationKey: '42', variables: { reading: 21, 备注: '不传播' } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'receive',
      'end',
      processId,
    ]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ meter: { id: 42 }, 读数: 42 });
  });

  it('a message published with a TTL before the subscription opens correlates when it opens, first published first', async () => {
    const processId = unique('msg-buffered');
    const name = unique('buffered');
    await deployCatch(processId, name);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, variables: { n: 1 } });
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, variables: { n: 2 } });

    const first = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await waitForCompletion(h.engine, first.processInstanceKey);
    expect(await rootVariables(h.engine, first.processInstanceKey)).toEqual({ orderId: 'K', n: 1 });

    // the first message already reached this process; the next instance gets the second one
    const second = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await waitForCompletion(h.engine, second.processInstanceKey);
    expect(await rootVariables(h.engine, second.processInstanceKey)).toEqual({ orderId: 'K', n: 2 });
  });

  it('a message with TTL 0 and nothing waiting is dropped', async () => {
    const processId = unique('msg-ttl0');
    const name = unique('ttl0');
    await deployCatch(processId, name);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0, variables: { n: 1 } });
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await waitForActivation(instance.processInstanceKey, 'wait');
    // a buffered message would have correlated in the batch that opened the subscription
    expect(await isCompleted(instance.processInstanceKey)).toBe(false);

    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0, variables: { n: 2 } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ orderId: 'K', n: 2 });
  });

  it('a duplicate messageId within its TTL is rejected with ALREADY_EXISTS; another id or key is accepted', async () => {
    const name = unique('dup');
    const messageId = unique('id');
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, messageId });
    await expect(
      h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, messageId }),
    ).rejects.toMatchObject({ code: status.ALREADY_EXISTS });
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, messageId: unique('id') });
    await h.zbc.publishMessage({ name, correlationKey: 'other', timeToLive: 60_000, messageId });
  });

  it('a message correlates once per process id: one of two waiting instances gets it; instances of two processes both do', async () => {
    const p = unique('msg-once-p');
    const q = unique('msg-once-q');
    const name = unique('once');
    await deployCatch(p, name);
    await deployCatch(q, name);
    const p1 = await h.zbc.createProcessInstance({ bpmnProcessId: p, variables: { orderId: 'K' } });
    const p2 = await h.zbc.createProcessInstance({ bpmnProcessId: p, variables: { orderId: 'K' } });
    const q1 = await h.zbc.createProcessInstance({ bpmnProcessId: q, variables: { orderId: 'K' } });
    for (const i of [p1, p2, q1]) await waitForActivation(i.processInstanceKey, 'wait');

    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0 });
    await waitForCompletion(h.engine, q1.processInstanceKey);
    await waitFor(async () => (await isCompleted(p1.processInstanceKey)) || isCompleted(p2.processInstanceKey));
    const done = [await isCompleted(p1.processInstanceKey), await isCompleted(p2.processInstanceKey)];
    expect(done.filter(Boolean)).toHaveLength(1);

    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0 });
    await waitForCompletion(h.engine, p1.processInstanceKey);
    await waitForCompletion(h.engine, p2.processInstanceKey);
  });

  it('an interrupting message boundary event cancels the task: completing its job gives NOT_FOUND', async () => {
    const processId = unique('msg-boundary');
    const name = unique('撤单');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${endEvent('cancelled')}
        ${boundaryEvent('onCancel', 'task', messageDefinition('msg'))}
        ${chain('start', 'task', 'end')}${flow('onCancel', 'cancelled')}`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.publishMessage({ name, correlationKey: 'K', variables: { 原因: '客户撤单' } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'onCancel',
      'cancelled',
      processId,
    ]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ orderId: 'K', 原因: '客户撤单' });
    await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('a non-interrupting message boundary event correlates again and again while the task stays active', async () => {
    const processId = unique('msg-boundary-ni');
    const name = unique('催办');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${endEvent()}${endEvent('reminded')}
        ${boundaryEvent('onRemind', 'task', messageDefinition('msg'), { interrupting: false })}
        ${chain('start', 'task', 'end')}${flow('onRemind', 'reminded')}`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.publishMessage({ name, correlationKey: 'K', variables: { 次数: 1 } });
    await h.zbc.publishMessage({ name, correlationKey: 'K', variables: { 次数: 2 } });
    await waitFor(
      async () =>
        (await completedElements(h.engine, instance.processInstanceKey)).filter((e) => e === 'reminded').length === 2,
      { description: 'two reminders' },
    );
    expect(await activations(h.engine, instance.processInstanceKey, 'onRemind')).toBe(2);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual([]);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ orderId: 'K', 次数: 2 });
  });

  it('a message start event creates an instance with the message variables', async () => {
    const processId = unique('msg-start');
    const name = unique('开户申请');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent('start', messageDefinition('msg'))}${endEvent()}${flow('start', 'end')}`,
        message('msg', name),
      ),
    );
    await h.zbc.publishMessage({ name, correlationKey: '', variables: { 户名: '张三' } });
    const [instanceKey] = await waitFor(async () => {
      const keys = await instancesOf(h.engine, processId);
      return keys.length ? keys : undefined;
    });
    await waitForCompletion(h.engine, instanceKey);
    expect(await completedElements(h.engine, instanceKey)).toEqual(['start', 'end', processId]);
    expect(await rootVariables(h.engine, instanceKey)).toEqual({ 户名: '张三' });
  });

  it('a message start event with a correlation key starts one instance at a time per key; a buffered one starts the next', async () => {
    const processId = unique('msg-start-key');
    const name = unique('报装');
    const jobType = unique('work');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent('start', messageDefinition('msg'))}${serviceTask('task', jobType)}${endEvent()}${chain('start', 'task', 'end')}`,
        message('msg', name),
      ),
    );
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, variables: { n: 1 } });
    const firstJob = await activateJob(h.zbc, jobType);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, variables: { n: 2 } });
    // another key is not held back
    await h.zbc.publishMessage({ name, correlationKey: 'other', timeToLive: 0, variables: { n: 3 } });
    const otherJob = await activateJob(h.zbc, jobType);
    expect(otherJob.variables).toEqual({ n: 3 });
    expect(await instancesOf(h.engine, processId)).toHaveLength(2);

    expect(firstJob.variables).toEqual({ n: 1 });
    await h.zbc.completeJob({ jobKey: firstJob.key, variables: {} });
    await waitForCompletion(h.engine, firstJob.processInstanceKey);
    const nextJob = await activateJob(h.zbc, jobType);
    expect(nextJob.variables).toEqual({ n: 2 });
    expect(await instancesOf(h.engine, processId)).toHaveLength(3);
  });

  it('message throw and end events and send tasks are jobs of their type', async () => {
    const processId = unique('msg-throw');
    const [throwType, sendType, endType] = [unique('throw'), unique('send'), unique('end')];
    const task = (type: string) => extensions(`<zeebe:taskDefinition type="${type}" />`);
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${throwEvent('notify', '<bpmn:messageEventDefinition />', task(throwType))}
        <bpmn:sendTask id="send">${task(sendType)}</bpmn:sendTask>
        <bpmn:endEvent id="end">${task(endType)}<bpmn:messageEventDefinition /></bpmn:endEvent>
        ${chain('start', 'notify', 'send', 'end')}`,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    for (const [type, elementId] of [
      [throwType, 'notify'],
      [sendType, 'send'],
      [endType, 'end'],
    ]) {
      const job = await activateJob(h.zbc, type);
      expect(job.elementId).toBe(elementId);
      await h.zbc.completeJob({ jobKey: job.key, variables: { [elementId]: true } });
    }
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'notify',
      'send',
      'end',
      processId,
    ]);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ notify: true, send: true, end: true });
  });
});

describe('Messages: lifetimes and scopes', () => {
  afterEach(() => resetClock(h.engine));

  it('a buffered message expires with its TTL: a subscription that opens later does not get it', async () => {
    let now = Date.now();
    await pinClock(h.engine, now);
    const processId = unique('msg-expired');
    const name = unique('expired');
    await deployCatch(processId, name);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, variables: { n: 1 } });
    now += 60_000;
    await pinClock(h.engine, now);
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await waitForActivation(instance.processInstanceKey, 'wait');
    expect(await isCompleted(instance.processInstanceKey)).toBe(false);
  });

  it('a message published before the deployment never starts its message start event', async () => {
    const processId = unique('msg-start-late');
    const name = unique('late-start');
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000 });
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent('start', messageDefinition('msg'))}${endEvent()}${flow('start', 'end')}`,
        message('msg', name),
      ),
    );
    await h.zbc.topology();
    expect(await instancesOf(h.engine, processId)).toEqual([]);
    await h.zbc.publishMessage({ name, correlationKey: 'K2' });
    await waitFor(async () => (await instancesOf(h.engine, processId)).length === 1, { description: 'one instance' });
  });

  it('once per process id holds across versions: instances of v1 and v2 waiting, one message reaches one of them', async () => {
    const processId = unique('msg-versions');
    const name = unique('versions');
    await deployCatch(processId, name);
    const v1 = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${catchEvent('wait', messageDefinition('msg'))}${endEvent()}${chain('start', 'wait', 'end')}<bpmn:task id="v2" />`,
        message('msg', name, '=orderId'),
      ),
    );
    const v2 = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    expect(v2.version).toBe(2);
    for (const i of [v1, v2]) await waitForActivation(i.processInstanceKey, 'wait');
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0 });
    await waitFor(async () => (await isCompleted(v1.processInstanceKey)) || isCompleted(v2.processInstanceKey));
    const done = [await isCompleted(v1.processInstanceKey), await isCompleted(v2.processInstanceKey)];
    expect(done.filter(Boolean)).toHaveLength(1);
  });

  it('an interrupting message boundary event on a subprocess terminates it with its inner task and job', async () => {
    const processId = unique('msg-boundary-sub');
    const name = unique('撤销');
    const jobType = unique('inner');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}
        <bpmn:subProcess id="sub">${startEvent('subStart')}${serviceTask('task', jobType)}${endEvent('subEnd')}${chain('subStart', 'task', 'subEnd')}</bpmn:subProcess>
        ${endEvent()}${endEvent('cancelled')}${boundaryEvent('onCancel', 'sub', messageDefinition('msg'))}
        ${chain('start', 'sub', 'end')}${flow('onCancel', 'cancelled')}`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.publishMessage({ name, correlationKey: 'K' });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task', 'sub']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'subStart',
      'onCancel',
      'cancelled',
      processId,
    ]);
    await expect(h.zbc.completeJob({ jobKey: job.key, variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('a boundary subscription closes when its task completes: a later message is not correlated', async () => {
    const processId = unique('msg-boundary-closed');
    const name = unique('closed');
    const [jobType, nextType] = [unique('work'), unique('next')];
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', jobType)}${serviceTask('next', nextType)}${endEvent()}${endEvent('reminded')}
        ${boundaryEvent('onRemind', 'task', messageDefinition('msg'), { interrupting: false })}
        ${chain('start', 'task', 'next', 'end')}${flow('onRemind', 'reminded')}`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    const next = await activateJob(h.zbc, nextType);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 0 });
    await h.zbc.topology();
    expect(await activations(h.engine, instance.processInstanceKey, 'onRemind')).toBe(0);
    const correlated = (await recordsOf(h.engine, instance.processInstanceKey)).filter(
      (r) => r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' && r.intent === 'CORRELATED',
    );
    expect(correlated).toEqual([]);
    await h.zbc.completeJob({ jobKey: next.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });
});

describe('Messages: more rules', () => {
  it('the correlation key is evaluated after the input mappings (it may read a local)', async () => {
    const processId = unique('msg-key-local');
    const name = unique('key-local');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${catchEvent('wait', messageDefinition('msg'), extensions(ioMapping({ key: '=&quot;A-&quot; + orderId' })))}${endEvent()}${chain('start', 'wait', 'end')}`,
        message('msg', name, '=key'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: '7' } });
    await waitForActivation(instance.processInstanceKey, 'wait');
    await h.zbc.publishMessage({ name, correlationKey: 'A-7', variables: { ok: 1 } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });

  it('a buffered start message waits for the running instance to end, then starts the latest version', async () => {
    const processId = unique('msg-start-latest');
    const name = unique('latest');
    const jobType = unique('work');
    const xml = (endId: string) =>
      bpmn(
        processId,
        `${startEvent('start', messageDefinition('msg'))}${serviceTask('task', jobType)}${endEvent(endId)}${chain('start', 'task', endId)}`,
        message('msg', name),
      );
    await deploy(h.zbc, processId, xml('end'));
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, variables: { n: 1 } });
    const first = await activateJob(h.zbc, jobType);
    await h.zbc.publishMessage({ name, correlationKey: 'K', timeToLive: 60_000, variables: { n: 2 } });
    await deploy(h.zbc, processId, xml('endV2'));
    await h.zbc.completeJob({ jobKey: first.key, variables: {} });
    const second = await activateJob(h.zbc, jobType);
    expect(second.variables).toEqual({ n: 2 });
    expect(second.processDefinitionVersion).toBe(2);
  });

  it('a non-interrupting message event subprocess can run several times at once', async () => {
    const processId = unique('msg-esp-twice');
    const name = unique('twice');
    const [mainType, espType] = [unique('main'), unique('esp')];
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${serviceTask('task', mainType)}${endEvent()}${chain('start', 'task', 'end')}
        <bpmn:subProcess id="esp" triggeredByEvent="true">
          <bpmn:startEvent id="espStart" isInterrupting="false">${messageDefinition('msg')}</bpmn:startEvent>
          ${serviceTask('espTask', espType)}${endEvent('espEnd')}${chain('espStart', 'espTask', 'espEnd')}
        </bpmn:subProcess>`,
        message('msg', name, '=orderId'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    const mainJob = await activateJob(h.zbc, mainType);
    await h.zbc.publishMessage({ name, correlationKey: 'K', variables: { n: 1 } });
    await h.zbc.publishMessage({ name, correlationKey: 'K', variables: { n: 2 } });
    const espJobs = await activateJobs(h.zbc, espType, 2);
    await h.zbc.completeJob({ jobKey: mainJob.key, variables: {} });
    for (const job of espJobs) await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await activations(h.engine, instance.processInstanceKey, 'esp')).toBe(2);
  });
});

describe('Messages: bad input', () => {
  it('a correlation key expression that fails at run time is an incident with a readable message; set the variable, resolve, and it waits', async () => {
    const processId = unique('msg-bad-key');
    const name = unique('bad-key');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}${catchEvent('wait', messageDefinition('msg'))}${endEvent()}${chain('start', 'wait', 'end')}`,
        message('msg', name, '=customer.id'),
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'wait' });
    // the INCIDENT CREATED record's message names the expression, the expected types and what it gave
    expect(incident.errorMessage).toBe(
      "Expected result of the expression 'customer.id' to be one of '[STRING, NUMBER]', but was 'NULL'.",
    );

    await h.zbc.setVariables({
      elementInstanceKey: instance.processInstanceKey,
      variables: { customer: { id: 'C1' } },
      local: false,
    });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    await waitForActivation(instance.processInstanceKey, 'wait');
    await h.zbc.publishMessage({ name, correlationKey: 'C1', variables: { ok: true } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(h.engine, instance.processInstanceKey)).toEqual({ customer: { id: 'C1' }, ok: true });
  });

  it('PublishMessage with an empty name is INVALID_ARGUMENT, and the engine keeps serving', async () => {
    await expect(h.zbc.publishMessage({ name: '', correlationKey: 'K' })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    const processId = unique('msg-after-bad');
    const name = unique('after-bad');
    await deployCatch(processId, name);
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: { orderId: 'K' } });
    await waitForActivation(instance.processInstanceKey, 'wait');
    await h.zbc.publishMessage({ name, correlationKey: 'K' });
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });
});
