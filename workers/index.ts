/** Every job worker of the application. A business area appends its definitions here. */
import type { WorkerDefinition } from './worker-definition';
import { businessExpansionWorkers } from './business-expansion';
import { timeLimitWorkers } from './time-limits';
import { changeOfUseWorkers } from './change-of-use';
import { workOrderWorkers } from './work-orders';
import { collectionWorkers } from './collection';
import { correctionWorkers } from './billing/correction-workers';
import { billingWorkers } from './billing';

export const allWorkers: WorkerDefinition[] = [
  ...businessExpansionWorkers,
  ...timeLimitWorkers,
  ...changeOfUseWorkers,
  ...workOrderWorkers,
  ...collectionWorkers,
  ...correctionWorkers,
  ...billingWorkers,
];
