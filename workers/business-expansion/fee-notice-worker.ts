/** `business-expansion.fee-notice`: tells the customer what to pay and marks the case as waiting for payment. */
import { Fee, feeBalance } from '../../db/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, notifyCustomer, runJob, yuan } from './case-job';

export const feeNoticeWorker: WorkerDefinition = {
  taskType: 'business-expansion.fee-notice',
  handle: (job, context) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const applicationNo = application.applicationNo;
      const fees = await Fee.findAll({ where: { applicationNo }, order: [['id', 'ASC']] });
      const { dueFen, paidFen } = await feeBalance(applicationNo);
      const lines = fees.map((fee) => `${fee.name} ${yuan(Number(fee.amountFen))} 元`).join('；');
      await notifyCustomer(context, job, application, {
        kind: 'fee-notice',
        title: `【缴费通知】${applicationNo}`,
        body: `您的业扩申请 ${applicationNo} 应缴：${lines}；合计 ${yuan(dueFen)} 元，已缴 ${yuan(paidFen)} 元。`,
      });
      await application.update({ state: 'waiting-payment' });
      return job.complete();
    }),
};
