/** `change-of-use.archive` (header outcome = completed | refused-debts | rejected): records how the case ended (a rejected case's customer is told why). */
import { archiveCase } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, requireHeader, runJob, textOf } from './change-job';

export const archiveWorker: WorkerDefinition = {
  taskType: 'change-of-use.archive',
  variables: { headers: ['outcome'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const ending = await archiveCase(context, {
        applicationNo: requireBusinessKey(job),
        outcome: requireHeader(job, 'outcome'),
        debtNote: textOf(job, 'debtNote'),
        rejectionReason: textOf(job, 'rejectionReason'),
      });
      return job.complete(ending);
    }),
};
