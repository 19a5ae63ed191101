/** `work-order.archive`: the order is finished (归档): its handling time kept, the customer told. */
import { archiveOrder } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { orderNoOf, runOrderJob } from './order-job';

export const archiveWorker: WorkerDefinition = {
  taskType: 'work-order.archive',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      await archiveOrder(context, orderNoOf(job), job.key);
      return job.complete();
    }),
};
