/**
 * `change-of-use.debt-check`: are the account's (and a merge target's) bills settled? A bill may have fallen
 * overdue after the application was accepted, so the process asks again before anything is done.
 */
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { debtMessage, unpaidBills } from '../../api/change-of-use/unpaid-bills';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, runJob } from './change-job';

export const debtCheckWorker: WorkerDefinition = {
  taskType: 'change-of-use.debt-check',
  handle: (job) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const target = Number(application.details.targetAccountId);
      const accounts =
        Number.isInteger(target) && target > 0 ? [application.accountId, target] : [application.accountId];
      const unpaid = await unpaidBills(accounts, chinaDayOf(appClock.now()));
      return job.complete({
        debtsSettled: unpaid.totalFen === 0,
        unpaidFen: unpaid.totalFen,
        debtNote: unpaid.totalFen === 0 ? null : debtMessage(unpaid),
      });
    }),
};
