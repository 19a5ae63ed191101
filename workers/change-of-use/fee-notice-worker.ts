/**
 * `change-of-use.fee-notice`: the customer pays for the works of a meter move, voltage change, split or merge
 * (docs/business-rules.md §1.5): the amount the clerk set at review (feeYuan). A fee above zero makes the process wait for
 * message change-fee-paid (domain/change-of-use/payment-use-case.ts) before the site work.
 */
import { noticeFee } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './change-job';

export const feeNoticeWorker: WorkerDefinition = {
  taskType: 'change-of-use.fee-notice',
  handle: (job, context) =>
    runJob(job, async () => {
      const input = {
        applicationNo: requireBusinessKey(job),
        feeYuan: Number(job.variables.feeYuan),
        changeTypeName: String(job.variables.changeTypeName ?? '变更用电'),
      };
      return job.complete(await noticeFee(context, input));
    }),
};
