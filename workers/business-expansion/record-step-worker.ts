/** `business-expansion.record-step` (header step = the user task before it): keeps what was entered at that step. */
import { recordStep } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, requireHeader, runJob } from './case-job';

export const recordStepWorker: WorkerDefinition = {
  taskType: 'business-expansion.record-step',
  handle: (job) =>
    runJob(job, async () => {
      await recordStep({
        applicationNo: requireBusinessKey(job),
        step: requireHeader(job, 'step'),
        occasion: job.elementInstanceKey,
        variables: job.variables,
      });
      return job.complete();
    }),
};
