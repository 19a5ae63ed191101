/**
 * `business-expansion.update-state` (headers state and optional customerNotice, both with {variable} placeholders so
 * that the shared wait-on-the-customer process takes them from its inputs): records where the case stands and the
 * class the process gave it, and tells the customer what is expected of them.
 */
import { updateCaseState } from '../../domain/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { fillPlaceholders, requireBusinessKey, requireHeader, runJob } from './case-job';

export const updateStateWorker: WorkerDefinition = {
  taskType: 'business-expansion.update-state',
  variables: { headers: ['state'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const customerClass = job.variables.customerClass;
      await updateCaseState(context, {
        applicationNo: requireBusinessKey(job),
        state: fillPlaceholders(requireHeader(job, 'state'), job.variables),
        customerNotice: fillPlaceholders(job.customHeaders.customerNotice ?? '', job.variables).trim(),
        customerClass: typeof customerClass === 'string' ? customerClass : null,
        occasion: job.elementInstanceKey,
      });
      return job.complete();
    }),
};
