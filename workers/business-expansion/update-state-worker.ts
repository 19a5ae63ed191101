/**
 * `business-expansion.update-state` (header state; optional customerNotice with {variable} placeholders): records
 * where the case stands (in-progress, waiting on the customer, ...) and the class the process gave it, and tells
 * the customer what is expected of them.
 */
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, fillPlaceholders, notifyCustomer, requireHeader, runJob } from './case-job';

export const updateStateWorker: WorkerDefinition = {
  taskType: 'business-expansion.update-state',
  handle: (job, context) =>
    runJob(job, async () => {
      const state = requireHeader(job, 'state');
      const application = await applicationOf(job);
      const notice = job.customHeaders.customerNotice;
      if (notice)
        await notifyCustomer(context, job, application, {
          kind: 'customer',
          title: `【业扩报装】${application.applicationNo}`,
          body: fillPlaceholders(notice, job.variables),
        });
      // The state last: whoever sees the case waiting on the customer also finds the notice sent.
      const customerClass = job.variables.customerClass;
      await application.update({
        state,
        customerClass: typeof customerClass === 'string' ? customerClass : application.customerClass,
      });
      return job.complete();
    }),
};
