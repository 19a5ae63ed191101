/**
 * `billing.issue-bills` (发行): the run's bills become owed, due by the issue rule, and are paid from their accounts'
 * prepayment balances first (collection, decision 0056); answers the count and due day.
 */
import { issueBills } from '../../domain/billing';
import { spendPrepaymentsOnRun } from '../../domain/collection';
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const issueBillsWorker: WorkerDefinition = {
  taskType: 'billing.issue-bills',
  timeoutMs: 5 * 60_000,
  variables: { inputs: ['runId'], outputs: ['issued', 'dueDate'] },
  handle: (job, services) =>
    runJob(job, async () => {
      const run = await runOf(job);
      const day = chinaDayOf(appClock.now());
      const issued = await issueBills(run, day);
      await spendPrepaymentsOnRun(services, run.id, day);
      return job.complete(issued);
    }),
};
