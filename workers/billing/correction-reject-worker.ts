/** `billing.correction-reject`: the correction closed as rejected, the bill untouched; the decision audited. */
import { rejectCorrection } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { approverOf, commentOf, requireBusinessKey, runJob } from './correction-job';

export const correctionRejectWorker: WorkerDefinition = {
  taskType: 'billing.correction-reject',
  handle: (job, context) =>
    runJob(job, async () => {
      await rejectCorrection({
        correctionNo: requireBusinessKey(job),
        decidedBy: await approverOf(job, context),
        comment: commentOf(job, 'rejectionReason'),
      });
      return job.complete();
    }),
};
