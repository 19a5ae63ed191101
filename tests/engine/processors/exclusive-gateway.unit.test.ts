import { bpmnProcess, useEngineHarness } from '../harness/engine-harness';

const harness = useEngineHarness();

/** Connection capacity decides the approval path: above 100 kVA the high-voltage review, otherwise the default. */
const capacityRoute = bpmnProcess(
  'capacity-route',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="route" />
   <bpmn:exclusiveGateway id="route" default="toLow"><bpmn:incoming>f1</bpmn:incoming>
     <bpmn:outgoing>toHigh</bpmn:outgoing><bpmn:outgoing>toLow</bpmn:outgoing></bpmn:exclusiveGateway>
   <bpmn:sequenceFlow id="toHigh" sourceRef="route" targetRef="high">
     <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= capacity &gt; 100</bpmn:conditionExpression>
   </bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="toLow" sourceRef="route" targetRef="low" />
   <bpmn:manualTask id="high"><bpmn:incoming>toHigh</bpmn:incoming><bpmn:outgoing>h2</bpmn:outgoing></bpmn:manualTask>
   <bpmn:manualTask id="low"><bpmn:incoming>toLow</bpmn:incoming><bpmn:outgoing>l2</bpmn:outgoing></bpmn:manualTask>
   <bpmn:sequenceFlow id="h2" sourceRef="high" targetRef="end" />
   <bpmn:sequenceFlow id="l2" sourceRef="low" targetRef="end" />
   <bpmn:endEvent id="end"><bpmn:incoming>h2</bpmn:incoming><bpmn:incoming>l2</bpmn:incoming></bpmn:endEvent>`,
);

async function pathFor(capacity: number): Promise<string[]> {
  const h = harness.current;
  await h.deploy(capacityRoute);
  const { processInstanceKey } = await h.createInstance('capacity-route', { capacity });
  return (await h.log())
    .ofInstance(processInstanceKey)
    .ofType('PROCESS_INSTANCE')
    .withIntent('ELEMENT_COMPLETED')
    .records.map((r) => String(r.value.elementId));
}

async function flowsFor(capacity: number): Promise<string[]> {
  const h = harness.current;
  await h.deploy(capacityRoute);
  const { processInstanceKey } = await h.createInstance('capacity-route', { capacity });
  return (await h.log())
    .ofInstance(processInstanceKey)
    .withIntent('SEQUENCE_FLOW_TAKEN')
    .records.map((r) => String(r.value.elementId));
}

test('the flow whose condition holds is taken', async () => {
  expect(await flowsFor(250)).toEqual(['f1', 'toHigh', 'h2']);
});

test('with no condition holding, the default flow is taken', async () => {
  expect(await flowsFor(50)).toEqual(['f1', 'toLow', 'l2']);
});

test('only the chosen branch runs, and the process completes', async () => {
  expect(await pathFor(250)).toEqual(['start', 'route', 'high', 'end', 'capacity-route']);
});
