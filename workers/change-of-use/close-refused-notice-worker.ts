/**
 * `change-of-use.close-refused-notice`: the old account of a relocation could not be closed because of unpaid
 * bills. Tells the customer what to pay and answers `closeNote`, which the 旧户销户 task shows when it opens again.
 * One notice per refusal (keyed by the job), so a second refusal tells the customer again.
 */
import { debtMessage, unpaidBills } from '../../api/change-of-use/unpaid-bills';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, runJob } from './change-job';
import { noticeToCustomer } from './customer-notice';

export const closeRefusedNoticeWorker: WorkerDefinition = {
  taskType: 'change-of-use.close-refused-notice',
  handle: (job, context) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const unpaid = await unpaidBills([application.accountId], null);
      const closeNote = `旧户未能销户：${debtMessage(unpaid)}`;
      await noticeToCustomer(
        context,
        application,
        { kind: 'close-refused', title: `【销户提醒】变更用电 ${application.applicationNo}`, body: closeNote },
        job.key,
      );
      return job.complete({ closeNote });
    }),
};
