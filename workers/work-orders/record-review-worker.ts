/**
 * `work-order.record-review`: the reviewer passes the reply on or sends it back to handling. The comment is
 * cleared once recorded, so that a later review does not repeat it.
 */
import { recordReview } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { orderNoOf, runOrderJob, textVariable } from './order-job';

export const recordReviewWorker: WorkerDefinition = {
  taskType: 'work-order.record-review',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      await recordReview(context, {
        orderNo: orderNoOf(job),
        processInstanceKey: job.processInstanceKey,
        returned: textVariable(job, 'reviewResult') === 'return',
        comment: textVariable(job, 'reviewComment'),
        occasion: job.key,
      });
      return job.complete({ reviewComment: null });
    }),
};
