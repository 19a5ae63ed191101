/** `change-of-use.debt-check`: are the account's (and a merge target's) bills settled? Answers debtsSettled. */
import { checkDebts } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './change-job';

export const debtCheckWorker: WorkerDefinition = {
  taskType: 'change-of-use.debt-check',
  handle: (job) => runJob(job, async () => job.complete({ ...(await checkDebts(requireBusinessKey(job))) })),
};
