/** Every job worker of the application. A business area appends its definitions here. */
import type { WorkerDefinition } from './worker-definition';

export const allWorkers: WorkerDefinition[] = [];
