/** `business-expansion.energize` (送电建档): the account opened or increased, the meter installed; answers accountNo. */
import { energize } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './case-job';

export const energizeWorker: WorkerDefinition = {
  taskType: 'business-expansion.energize',
  handle: (job) => runJob(job, async () => job.complete(await energize(requireBusinessKey(job)))),
};
