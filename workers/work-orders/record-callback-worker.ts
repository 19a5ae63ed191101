/**
 * `work-order.record-callback`: the customer's satisfaction from the callback (回访); an unsatisfied customer
 * reopens the order. The comment is cleared once recorded, so the next callback of a reopened order does not
 * repeat it.
 */
import { recordCallback } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { orderNoOf, runOrderJob, textVariable } from './order-job';

export const recordCallbackWorker: WorkerDefinition = {
  taskType: 'work-order.record-callback',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const { reopenCount } = await recordCallback(context, {
        orderNo: orderNoOf(job),
        processInstanceKey: job.processInstanceKey,
        satisfaction: textVariable(job, 'satisfaction') ?? 'satisfied',
        comment: textVariable(job, 'callbackComment'),
        occasion: job.key,
      });
      return job.complete({ reopenCount, callbackComment: null });
    }),
};
