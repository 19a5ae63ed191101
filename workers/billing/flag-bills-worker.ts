/** `billing.flag-bills`: the review rules pick the bills a reviewer checks; answers how many of how many. */
import { flagBills } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const flagBillsWorker: WorkerDefinition = {
  taskType: 'billing.flag-bills',
  timeoutMs: 5 * 60_000,
  variables: { inputs: ['runId'], outputs: ['billsTotal', 'billsFlagged'] },
  handle: (job, context) => runJob(job, async () => job.complete(await flagBills(context.sequelize, await runOf(job)))),
};
