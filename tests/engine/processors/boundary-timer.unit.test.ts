import { bpmnProcess, useEngineHarness } from '../harness/engine-harness';

const harness = useEngineHarness();

/** A site survey has one hour; then it is cancelled and the case escalated. */
const survey = bpmnProcess(
  'survey',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="site-survey" />
   <bpmn:serviceTask id="site-survey">
     <bpmn:extensionElements><zeebe:taskDefinition type="site-survey" /></bpmn:extensionElements>
     <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
   </bpmn:serviceTask>
   <bpmn:boundaryEvent id="overdue" attachedToRef="site-survey"><bpmn:outgoing>f3</bpmn:outgoing>
     <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
   </bpmn:boundaryEvent>
   <bpmn:sequenceFlow id="f2" sourceRef="site-survey" targetRef="done" />
   <bpmn:endEvent id="done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
   <bpmn:sequenceFlow id="f3" sourceRef="overdue" targetRef="escalated" />
   <bpmn:endEvent id="escalated"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>`,
);

test('the timer is due one hour after the task was activated', async () => {
  // given
  const h = harness.current;
  await h.deploy(survey);
  const activatedAt = h.engine.now();

  // when
  const { processInstanceKey } = await h.createInstance('survey');

  // then
  const timer = (await h.log()).ofInstance(processInstanceKey).ofType('TIMER').withIntent('CREATED').first();
  expect(timer.value).toMatchObject({ catchElementId: 'overdue', dueDate: activatedAt + 3_600_000 });
});

test('before it is due nothing happens', async () => {
  // given
  const h = harness.current;
  await h.deploy(survey);
  const { processInstanceKey } = await h.createInstance('survey');
  const before = await h.position();

  // when
  await h.advanceClock(3_599_999);

  // then
  expect((await h.log()).after(before).ofInstance(processInstanceKey).records).toEqual([]);
});

test('when it is due, the task is terminated with its job and the boundary path completes the process', async () => {
  // given
  const h = harness.current;
  await h.deploy(survey);
  const { processInstanceKey } = await h.createInstance('survey');
  const before = await h.position();

  // when
  await h.advanceClock(3_600_000);

  // then
  const written = (await h.log()).after(before).ofInstance(processInstanceKey).records;
  expect(
    written.map(
      (r) =>
        `${r.valueType} ${r.intent} ${String(r.value.elementId ?? r.value.catchElementId ?? r.value.targetElementId)}`,
    ),
  ).toEqual([
    'TIMER TRIGGERED overdue',
    // As in Zeebe, the interrupting event is held until the task is terminated.
    'PROCESS_EVENT TRIGGERING overdue',
    'PROCESS_INSTANCE ELEMENT_TERMINATING site-survey',
    'JOB CANCELED site-survey',
    'PROCESS_INSTANCE ELEMENT_TERMINATED site-survey',
    'PROCESS_EVENT TRIGGERED overdue',
    'PROCESS_INSTANCE ELEMENT_ACTIVATING overdue',
    'PROCESS_INSTANCE ELEMENT_ACTIVATED overdue',
    'PROCESS_INSTANCE ELEMENT_COMPLETING overdue',
    'PROCESS_INSTANCE ELEMENT_COMPLETED overdue',
    'PROCESS_INSTANCE SEQUENCE_FLOW_TAKEN f3',
    'PROCESS_INSTANCE ELEMENT_ACTIVATING escalated',
    'PROCESS_INSTANCE ELEMENT_ACTIVATED escalated',
    'PROCESS_INSTANCE ELEMENT_COMPLETING escalated',
    'PROCESS_INSTANCE ELEMENT_COMPLETED escalated',
    'PROCESS_INSTANCE ELEMENT_COMPLETING survey',
    'PROCESS_INSTANCE ELEMENT_COMPLETED survey',
  ]);
  // The cancelled job is no longer there for workers.
  await expect(h.engine.completeJob(written[3].key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
});
