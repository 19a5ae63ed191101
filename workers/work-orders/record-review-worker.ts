/**
 * `work-order.record-review`: the reviewer passes the reply on to the callback or sends it back to handling. The
 * comment is cleared once recorded, so that a later review does not repeat it.
 */
import { recordOrderEvent } from '../../db/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { now, orderNoOf, runOrderJob, textVariable } from './order-job';

export const recordReviewWorker: WorkerDefinition = {
  taskType: 'work-order.record-review',
  handle: (job) =>
    runOrderJob(job, async () => {
      const returned = textVariable(job, 'reviewResult') === 'return';
      await recordOrderEvent(
        {
          orderNo: orderNoOf(job),
          kind: returned ? 'review-return' : 'review-pass',
          dedupKey: `review:${job.key}`,
          at: now(),
          comment: textVariable(job, 'reviewComment'),
        },
        () => ({ state: returned ? 'handling' : 'callback' }),
      );
      return job.complete({ reviewComment: null });
    }),
};
