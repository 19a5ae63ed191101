import { bpmnProcess, useEngineHarness, type RecordLog } from '../harness/engine-harness';

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

/** Given the model, when an instance starts with this capacity: its records. */
async function instanceWith(capacity: number): Promise<RecordLog> {
  const h = harness.current;
  await h.deploy(capacityRoute);
  const { processInstanceKey } = await h.createInstance('capacity-route', { capacity });
  return (await h.log()).ofInstance(processInstanceKey);
}

const elementIds = (log: RecordLog): string[] => log.records.map((r) => String(r.value.elementId));

test('the flow whose condition holds is taken', async () => {
  const log = await instanceWith(250);
  expect(elementIds(log.withIntent('SEQUENCE_FLOW_TAKEN'))).toEqual(['f1', 'toHigh', 'h2']);
});

test('with no condition holding, the default flow is taken', async () => {
  const log = await instanceWith(50);
  expect(elementIds(log.withIntent('SEQUENCE_FLOW_TAKEN'))).toEqual(['f1', 'toLow', 'l2']);
});

test('only the chosen branch runs, and the process completes', async () => {
  const log = await instanceWith(250);
  expect(elementIds(log.ofType('PROCESS_INSTANCE').withIntent('ELEMENT_COMPLETED'))).toEqual([
    'start',
    'route',
    'high',
    'end',
    'capacity-route',
  ]);
});
