/**
 * `change-of-use.fee-notice`: the customer pays for the works of a meter move, voltage change, split or merge
 * (docs/business-rules.md §1.5). The amount is the one the clerk set at review (feeYuan, priced per job); it is kept on
 * the application in fen and the customer is told. A fee above zero makes the process wait for message change-fee-paid
 * (api/change-of-use/payment-use-case.ts) before the site work.
 */
import { yuan } from '../../api/change-of-use/unpaid-bills';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, applicationOf, runJob } from './change-job';
import { noticeToCustomer } from './customer-notice';

export const feeNoticeWorker: WorkerDefinition = {
  taskType: 'change-of-use.fee-notice',
  handle: (job, context) =>
    runJob(job, async () => {
      const feeYuan = Number(job.variables.feeYuan);
      if (!Number.isFinite(feeYuan) || feeYuan < 0)
        throw new ModelError('审核时未填写应收费用 feeYuan / the review did not set the fee (feeYuan)');
      const application = await applicationOf(job);
      const feeFen = Math.round(feeYuan * 100);
      await application.update({ feeFen });
      await noticeToCustomer(context, application, {
        kind: 'fee-notice',
        title: `【缴费通知】变更用电 ${application.applicationNo}`,
        body: `您的${String(job.variables.changeTypeName ?? '变更用电')}申请 ${application.applicationNo} 应缴费用 ${yuan(feeFen)} 元，请及时缴纳。 / fee due: ${yuan(feeFen)} yuan`,
      });
      return job.complete({ feeFen });
    }),
};
