/**
 * `billing.compute-bills`: the run's bills, computed and saved chunk by chunk. A long job: its lock outlasts a
 * large section, and a redelivery after a crash resumes without billing an account twice.
 */
import { computeBills } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const computeBillsWorker: WorkerDefinition = {
  taskType: 'billing.compute-bills',
  timeoutMs: 30 * 60_000,
  variables: { inputs: ['runId'], outputs: ['billsDone', 'unbillable', 'unbillableAccounts'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const outcome = await computeBills(context.sequelize, await runOf(job));
      return job.complete({ ...outcome });
    }),
};
