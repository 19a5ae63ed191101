/**
 * `change-of-use.close-old-account`: after a relocation to another supply point became a new connection and the
 * clerk confirmed the new one is energized (task 旧户销户), the old account is closed once every bill of it is paid.
 * Unpaid bills throw BPMN error CHANGE_OLD_ACCOUNT_UNPAID: the process tells the customer and gives the task back.
 */
import { closeOldAccount } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { dayOf, requireBusinessKey, runJob } from './change-job';

export const OLD_ACCOUNT_UNPAID = 'CHANGE_OLD_ACCOUNT_UNPAID';

export const closeOldAccountWorker: WorkerDefinition = {
  taskType: 'change-of-use.close-old-account',
  handle: (job) =>
    runJob(job, async () => {
      const day = dayOf(job, 'closedOn');
      const closing = await closeOldAccount(requireBusinessKey(job), day);
      if (!closing.closed)
        return job.error({ errorCode: OLD_ACCOUNT_UNPAID, errorMessage: closing.debtMessage, variables: {} });
      return job.complete({ oldAccountClosedOn: day });
    }),
};
