import type { ElementKind, ExecutableElement } from '../../model/executable-model';
import type { ElementInstance } from '../../state/entities';
import { MULTI_INSTANCE_BODY } from './behavior/multi-instance-behavior';
import { multiInstanceBodyProcessor } from './container/multi-instance-body-processor';
import { eventSubProcessProcessor } from './container/event-sub-process-processor';
import { processProcessor } from './container/process-processor';
import { subProcessProcessor } from './container/sub-process-processor';
import type { ElementProcessor } from './bpmn-context';
import { withExecutionListeners } from './behavior/execution-listener-behavior';
import { catchEventProcessor } from './event/catch-event-processor';
import { terminateEndEventProcessor } from './event/terminate-end-event-processor';
import {
  compensationThrowProcessor,
  errorEndEventProcessor,
  escalationThrowProcessor,
  linkThrowProcessor,
  signalThrowProcessor,
} from './event/throw-event-processors';
import { triggeredEventProcessor } from './event/triggered-event-processor';
import { eventBasedGatewayProcessor } from './gateway/event-based-gateway-processor';
import { exclusiveGatewayProcessor } from './gateway/exclusive-gateway-processor';
import { inclusiveGatewayProcessor } from './gateway/inclusive-gateway-processor';
import { parallelGatewayProcessor } from './gateway/parallel-gateway-processor';
import { businessRuleTaskProcessor } from './task/business-rule-task-processor';
import { callActivityProcessor } from './task/call-activity-processor';
import { jobWorkerTaskProcessor } from './task/job-worker-task-processor';
import { passThroughProcessor } from './task/pass-through-processor';
import { scriptTaskProcessor } from './task/script-task-processor';
import { userTaskProcessor } from './task/user-task-processor';

/** The processor of each element kind this engine runs; the model validation rejects the others at deployment. */
const processors: Partial<Record<ElementKind, ElementProcessor>> = {
  // Elements without mappings of their own run their execution listeners around the processor; the others in
  // their input and output mapping steps (activity-behavior's enter and leave).
  process: withExecutionListeners(processProcessor),
  subProcess: subProcessProcessor,
  eventSubProcess: eventSubProcessProcessor,
  startEvent: triggeredEventProcessor,
  boundaryEvent: triggeredEventProcessor,
  intermediateCatchEvent: catchEventProcessor,
  receiveTask: catchEventProcessor,
  task: passThroughProcessor,
  manualTask: passThroughProcessor,
  serviceTask: jobWorkerTaskProcessor,
  sendTask: jobWorkerTaskProcessor,
  callActivity: callActivityProcessor,
  userTask: userTaskProcessor,
  businessRuleTask: businessRuleTaskProcessor,
  scriptTask: scriptTaskProcessor,
  exclusiveGateway: withExecutionListeners(exclusiveGatewayProcessor),
  parallelGateway: withExecutionListeners(parallelGatewayProcessor),
  inclusiveGateway: withExecutionListeners(inclusiveGatewayProcessor),
  eventBasedGateway: withExecutionListeners(eventBasedGatewayProcessor),
};

/** Throw and end events behave by what they throw; message ones are jobs, as in Zeebe. */
function throwEventProcessor(element: ExecutableElement): ElementProcessor {
  switch (element.eventKind) {
    case 'terminate':
      return terminateEndEventProcessor;
    case 'message':
      return jobWorkerTaskProcessor;
    case 'signal':
      return signalThrowProcessor;
    case 'escalation':
      return escalationThrowProcessor;
    case 'error':
      return errorEndEventProcessor;
    case 'link':
      return linkThrowProcessor;
    case 'compensation':
      return compensationThrowProcessor;
    default:
      return passThroughProcessor;
  }
}

/** The processor for an element, or for the multi-instance body when `instance` is one. */
export function processorFor(element: ExecutableElement, instance?: ElementInstance): ElementProcessor {
  if (instance?.bpmnElementType === MULTI_INSTANCE_BODY) return multiInstanceBodyProcessor;
  if (element.kind === 'endEvent' || element.kind === 'intermediateThrowEvent') return throwEventProcessor(element);
  const processor = processors[element.kind];
  if (!processor) throw new Error(`no processor for element kind '${element.kind}' (${element.id})`);
  return processor;
}
