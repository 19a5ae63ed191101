/** `business-expansion.assign-metering`: the case's metering point and meter; answers their numbers. */
import { assignMetering } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './case-job';

export const assignMeteringWorker: WorkerDefinition = {
  taskType: 'business-expansion.assign-metering',
  handle: (job) => runJob(job, async () => job.complete(await assignMetering(requireBusinessKey(job)))),
};
