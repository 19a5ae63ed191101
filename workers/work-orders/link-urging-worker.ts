/** `work-order.link-urging`: an urging order (催办单) is linked to the order it urges (variable relatedOrderNo). */
import { linkUrging } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { orderNoOf, runOrderJob, textVariable } from './order-job';

export const linkUrgingWorker: WorkerDefinition = {
  taskType: 'work-order.link-urging',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const orderNo = orderNoOf(job);
      const urgedOrderNo = textVariable(job, 'relatedOrderNo');
      if (!urgedOrderNo) return job.fail({ errorMessage: 'missing variable relatedOrderNo', retries: 0 });
      await linkUrging(context, { orderNo, urgedOrderNo, content: textVariable(job, 'content') ?? '' });
      return job.complete();
    }),
};
