/**
 * `billing.review-readings`: the section's readings are checked by the anomaly rules; answers the open anomalies
 * (`anomalies`, one task each) — none lets the run go on to billing.
 */
import { afterReview, reviewReadings } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const reviewReadingsWorker: WorkerDefinition = {
  taskType: 'billing.review-readings',
  timeoutMs: 10 * 60_000,
  variables: { inputs: ['runId'], outputs: ['anomalies'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const run = await runOf(job);
      await run.update({ state: 'reviewing-readings' });
      const anomalies = await reviewReadings(context.sequelize, run);
      await afterReview(run, anomalies.length);
      return job.complete({ anomalies });
    }),
};
