/** `business-expansion.archive` (归档): the case's archive row with its snapshot, and the application archived. */
import { archiveCase } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './case-job';

export const archiveWorker: WorkerDefinition = {
  taskType: 'business-expansion.archive',
  handle: (job) =>
    runJob(job, async () => {
      await archiveCase(requireBusinessKey(job));
      return job.complete();
    }),
};
