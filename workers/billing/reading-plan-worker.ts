/** `billing.reading-plan`: the run's accounts are counted and its readings awaited (state 'reading'). */
import { planReadings } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const readingPlanWorker: WorkerDefinition = {
  taskType: 'billing.reading-plan',
  variables: { inputs: ['runId'], outputs: ['accountsTotal'] },
  handle: (job) => runJob(job, async () => job.complete(await planReadings(await runOf(job)))),
};
