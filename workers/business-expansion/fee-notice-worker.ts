/** `business-expansion.fee-notice`: tells the customer what to pay and marks the case as waiting for payment. */
import { noticeFees } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './case-job';

export const feeNoticeWorker: WorkerDefinition = {
  taskType: 'business-expansion.fee-notice',
  handle: (job, context) =>
    runJob(job, async () => {
      await noticeFees(context, requireBusinessKey(job), job.elementInstanceKey);
      return job.complete();
    }),
};
