/**
 * `billing.review-readings`: the section's readings are checked by the anomaly rules; answers the open anomalies
 * (`anomalies`, one task each) — none lets the run go on to billing.
 */
import { ReadingAnomaly } from '../../db/billing/run-models';
import { reviewReadings } from '../../domain/billing/readings/review-readings-use-case';
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
      await run.update({
        state: anomalies.length > 0 ? 'resolving' : 'billing',
        anomaliesFound: await ReadingAnomaly.count({ where: { runId: run.id } }),
      });
      return job.complete({ anomalies });
    }),
};
