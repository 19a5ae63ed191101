/**
 * `business-expansion.update-state` (headers state and optional customerNotice, both with {variable} placeholders so
 * that the shared wait-on-the-customer process takes them from its inputs): records where the case stands
 * (in-progress, waiting on the customer, ...) and the class the process gave it, and tells the customer what is
 * expected of them.
 */
import { APPLICATION_STATES } from '../../db/business-expansion';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, applicationOf, fillPlaceholders, notifyCustomer, requireHeader, runJob } from './case-job';

const knownState = (state: string): boolean => (APPLICATION_STATES as readonly string[]).includes(state);

export const updateStateWorker: WorkerDefinition = {
  taskType: 'business-expansion.update-state',
  handle: (job, context) =>
    runJob(job, async () => {
      const state = fillPlaceholders(requireHeader(job, 'state'), job.variables);
      if (!knownState(state))
        throw new ModelError(`未知的申请状态 "${state}" / unknown application state (${job.type})`);
      const application = await applicationOf(job);
      const notice = fillPlaceholders(job.customHeaders.customerNotice ?? '', job.variables).trim();
      if (notice)
        await notifyCustomer(context, job, application, {
          kind: 'customer',
          title: `【业扩报装】${application.applicationNo}`,
          body: notice,
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
