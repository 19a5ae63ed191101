/** `change-of-use.archive` (header outcome = completed | refused-debts | rejected): records how the case ended. */
import { archiveCase } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, requireHeader, runJob, textOf } from './change-job';

export const archiveWorker: WorkerDefinition = {
  taskType: 'change-of-use.archive',
  handle: (job) =>
    runJob(job, async () => {
      const ending = await archiveCase({
        applicationNo: requireBusinessKey(job),
        outcome: requireHeader(job, 'outcome'),
        debtNote: textOf(job, 'debtNote'),
        reviewComment: textOf(job, 'reviewComment'),
      });
      return job.complete(ending);
    }),
};
