import type { ElementKind, ExecutableElement } from '../../model/executable-model';
import { processProcessor } from './container/process-processor';
import { subProcessProcessor } from './container/sub-process-processor';
import type { ElementProcessor } from './element-processor';
import { terminateEndEventProcessor } from './event/terminate-end-event-processor';
import { exclusiveGatewayProcessor } from './gateway/exclusive-gateway-processor';
import { inclusiveGatewayProcessor } from './gateway/inclusive-gateway-processor';
import { parallelGatewayProcessor } from './gateway/parallel-gateway-processor';
import { jobWorkerTaskProcessor } from './task/job-worker-task-processor';
import { passThroughProcessor } from './task/pass-through-processor';
import { scriptTaskProcessor } from './task/script-task-processor';

/** The processor of each element kind this engine runs; the model validation rejects the others at deployment. */
const processors: Partial<Record<ElementKind, ElementProcessor>> = {
  process: processProcessor,
  subProcess: subProcessProcessor,
  startEvent: passThroughProcessor,
  endEvent: passThroughProcessor,
  intermediateThrowEvent: passThroughProcessor,
  task: passThroughProcessor,
  manualTask: passThroughProcessor,
  serviceTask: jobWorkerTaskProcessor,
  scriptTask: scriptTaskProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  inclusiveGateway: inclusiveGatewayProcessor,
};

export function processorFor(element: ExecutableElement): ElementProcessor {
  if (element.kind === 'endEvent' && element.eventKind === 'terminate') return terminateEndEventProcessor;
  const processor = processors[element.kind];
  if (!processor) throw new Error(`no processor for element kind '${element.kind}' (${element.id})`);
  return processor;
}
