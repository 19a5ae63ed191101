/**
 * `work-order.record-callback`: the customer's satisfaction from the callback (回访). An unsatisfied customer
 * reopens (重启) the order: it goes back to handling and its reopen counter grows. The comment is cleared once
 * recorded, so that the next callback of a reopened order does not repeat it.
 */
import { recordOrderEvent } from '../../db/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { now, orderNoOf, runOrderJob, textVariable } from './order-job';

export const recordCallbackWorker: WorkerDefinition = {
  taskType: 'work-order.record-callback',
  handle: (job) =>
    runOrderJob(job, async () => {
      const orderNo = orderNoOf(job);
      const satisfaction = textVariable(job, 'satisfaction') ?? 'satisfied';
      const at = now();
      const comment = textVariable(job, 'callbackComment');
      const { order } = await recordOrderEvent(
        { orderNo, kind: 'callback', dedupKey: `callback:${job.key}`, at, comment: `${satisfaction} ${comment ?? ''}` },
        () => ({ satisfaction }),
      );
      if (satisfaction !== 'unsatisfied')
        return job.complete({ reopenCount: order.reopenCount, callbackComment: null });
      const reopened = await recordOrderEvent(
        { orderNo, kind: 'reopen', dedupKey: `reopen:${job.key}`, at, comment },
        (current) => ({ reopenCount: current.reopenCount + 1, state: 'handling' }),
      );
      return job.complete({ reopenCount: reopened.order.reopenCount, callbackComment: null });
    }),
};
