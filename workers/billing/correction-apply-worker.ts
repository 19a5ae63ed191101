/**
 * `billing.correction-apply`: the approved difference written as one correction line on the bill, the bill's amount
 * following it, with the approver in the audit log. A job delivered twice adds one line.
 */
import { applyCorrection } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { approverOf, commentOf, requireBusinessKey, runJob } from './correction-job';

export const correctionApplyWorker: WorkerDefinition = {
  taskType: 'billing.correction-apply',
  variables: { outputs: ['correctionLineId'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const { lineId } = await applyCorrection({
        correctionNo: requireBusinessKey(job),
        decidedBy: await approverOf(job, context),
        comment: commentOf(job, 'approvalComment'),
      });
      return job.complete({ correctionLineId: lineId });
    }),
};
