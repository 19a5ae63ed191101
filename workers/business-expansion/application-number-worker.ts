/**
 * `business-expansion.application-number`: an instance started without a case number (e.g. from the modeler or
 * another system) gets one, so that every later step, message and time limit can use `businessKey`.
 */
import { nextNumber } from '../../domain/numbering';
import type { WorkerDefinition } from '../worker-definition';
import { runJob } from './case-job';

export const applicationNumberWorker: WorkerDefinition = {
  taskType: 'business-expansion.application-number',
  handle: (job) =>
    runJob(job, async () => {
      const existing = job.variables.businessKey;
      if (typeof existing === 'string' && existing !== '') return job.complete();
      // A redelivered job may take a second number; numbers are unique, gaps are harmless.
      const businessKey = await nextNumber('YK');
      return job.complete({ businessKey, applicationNo: businessKey });
    }),
};
