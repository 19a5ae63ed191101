/**
 * `change-of-use.close-refused-notice`: the old account of a relocation could not be closed because of unpaid
 * bills. Tells the customer what to pay and answers `closeNote`, which the 旧户销户 task shows when it opens again.
 * One notice per refusal (keyed by the job), so a second refusal tells the customer again.
 */
import { noticeCloseRefused } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './change-job';

export const closeRefusedNoticeWorker: WorkerDefinition = {
  taskType: 'change-of-use.close-refused-notice',
  handle: (job, context) =>
    runJob(job, async () =>
      job.complete(await noticeCloseRefused(context, { applicationNo: requireBusinessKey(job), occasion: job.key })),
    ),
};
