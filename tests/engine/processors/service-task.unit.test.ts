import { bpmnProcess, useEngineHarness } from '../harness/engine-harness';

const harness = useEngineHarness();

const meterCheck = bpmnProcess(
  'meter-check',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
   <bpmn:serviceTask id="check">
     <bpmn:extensionElements><zeebe:taskDefinition type="meter-check" retries="2" /></bpmn:extensionElements>
     <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
   </bpmn:serviceTask>
   <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
   <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>`,
);

test('a service task is activated with a job and waits for it', async () => {
  // given
  const h = harness.current;
  await h.deploy(meterCheck);

  // when
  const { processInstanceKey } = await h.createInstance('meter-check', { meterId: 'M-1' });

  // then
  const log = (await h.log()).ofInstance(processInstanceKey);
  expect(log.elementTransitions()).toEqual([
    'meter-check ELEMENT_ACTIVATING',
    'meter-check ELEMENT_ACTIVATED',
    'start ELEMENT_ACTIVATING',
    'start ELEMENT_ACTIVATED',
    'start ELEMENT_COMPLETING',
    'start ELEMENT_COMPLETED',
    'f1 SEQUENCE_FLOW_TAKEN',
    'check ELEMENT_ACTIVATING',
    'check ELEMENT_ACTIVATED',
  ]);
  const job = log.ofType('JOB').withIntent('CREATED').first();
  expect(job.value).toMatchObject({ type: 'meter-check', retries: 2, elementId: 'check', processInstanceKey });
});

test('completing the job completes the task and the process, its variables merged', async () => {
  // given
  const h = harness.current;
  await h.deploy(meterCheck);
  const { processInstanceKey } = await h.createInstance('meter-check', { meterId: 'M-1' });
  const job = await h.activateJob('meter-check');
  const before = await h.position();

  // when
  await h.engine.completeJob(job.key, { reading: 42 });

  // then
  const written = (await h.log()).after(before).records;
  expect(written.map((r) => `${r.valueType} ${r.intent} ${String(r.value.elementId ?? r.value.name ?? '')}`)).toEqual([
    'JOB COMPLETED check',
    'VARIABLE CREATED reading',
    'PROCESS_INSTANCE ELEMENT_COMPLETING check',
    'PROCESS_INSTANCE ELEMENT_COMPLETED check',
    'PROCESS_INSTANCE SEQUENCE_FLOW_TAKEN f2',
    'PROCESS_INSTANCE ELEMENT_ACTIVATING end',
    'PROCESS_INSTANCE ELEMENT_ACTIVATED end',
    'PROCESS_INSTANCE ELEMENT_COMPLETING end',
    'PROCESS_INSTANCE ELEMENT_COMPLETED end',
    'PROCESS_INSTANCE ELEMENT_COMPLETING meter-check',
    'PROCESS_INSTANCE ELEMENT_COMPLETED meter-check',
  ]);
  // The job's variables go to the process scope (no output mappings).
  expect(written[1].value).toMatchObject({ scopeKey: processInstanceKey, value: '42' });
});
