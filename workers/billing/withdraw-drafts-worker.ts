/** `billing.withdraw-drafts`: a returned run's draft bills are withdrawn before it is read and billed again. */
import { withdrawDrafts } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const withdrawDraftsWorker: WorkerDefinition = {
  taskType: 'billing.withdraw-drafts',
  timeoutMs: 5 * 60_000,
  variables: { inputs: ['runId'] },
  handle: (job, context) =>
    runJob(job, async () => {
      await withdrawDrafts(context.sequelize, await runOf(job));
      return job.complete({ billReview: null, readingsComplete: null });
    }),
};
