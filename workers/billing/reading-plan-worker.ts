/** `billing.reading-plan`: the run's accounts are counted and its readings awaited (state 'reading'). */
import { SectionAccount } from '../../db/billing/reading-models';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const readingPlanWorker: WorkerDefinition = {
  taskType: 'billing.reading-plan',
  variables: { inputs: ['runId'], outputs: ['accountsTotal'] },
  handle: (job) =>
    runJob(job, async () => {
      const run = await runOf(job);
      const accountsTotal = await SectionAccount.count({ where: { sectionId: run.sectionId } });
      await run.update({ state: 'reading', accountsTotal });
      return job.complete({ accountsTotal });
    }),
};
