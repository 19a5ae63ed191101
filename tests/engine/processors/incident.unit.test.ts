import { bpmnProcess, useEngineHarness } from '../harness/engine-harness';

const harness = useEngineHarness();

/** The worker that looks up a tariff is chosen by the customer's category: the job type is an expression. */
const tariff = bpmnProcess(
  'tariff',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="lookup" />
   <bpmn:serviceTask id="lookup">
     <bpmn:extensionElements><zeebe:taskDefinition type="= &quot;tariff-&quot; + category" /></bpmn:extensionElements>
     <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
   </bpmn:serviceTask>
   <bpmn:sequenceFlow id="f2" sourceRef="lookup" targetRef="end" />
   <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>`,
);

test('a job type expression that does not give a string raises an incident; no job is created', async () => {
  // given
  const h = harness.current;
  await h.deploy(tariff);

  // when
  const { processInstanceKey } = await h.createInstance('tariff', {});

  // then
  const log = (await h.log()).ofInstance(processInstanceKey);
  const incident = log.ofType('INCIDENT').withIntent('CREATED').first();
  expect(incident.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'lookup' });
  expect(log.ofType('JOB').records).toEqual([]);
  expect(log.summary().slice(-1)).toEqual(['INCIDENT CREATED']);
  // The task stays where it failed: activating.
  expect(log.elementTransitions().slice(-1)).toEqual(['lookup ELEMENT_ACTIVATING']);
});

test('once the variable is there, resolving the incident creates the job', async () => {
  // given
  const h = harness.current;
  await h.deploy(tariff);
  const { processInstanceKey } = await h.createInstance('tariff', {});
  const incident = (await h.log()).ofInstance(processInstanceKey).ofType('INCIDENT').first();
  await h.engine.setVariables(processInstanceKey, { category: 'resident' }, false);
  const before = await h.position();

  // when
  await h.engine.resolveIncident(incident.key);

  // then
  const written = (await h.log()).after(before).records;
  expect(written.map((r) => `${r.valueType} ${r.intent} ${String(r.value.elementId)}`)).toEqual([
    'INCIDENT RESOLVED lookup',
    'PROCESS_INSTANCE ELEMENT_ACTIVATED lookup',
    'JOB CREATED lookup',
  ]);
  expect(written[2].value).toMatchObject({ type: 'tariff-resident', processInstanceKey });
});
