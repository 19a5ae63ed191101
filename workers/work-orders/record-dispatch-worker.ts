/**
 * `work-order.record-dispatch` (header level = national | province | city | unit): records one level's accept
 * (派单/接单) or return (退单, with its reason) in the order's history and where the order now waits.
 */
import { recordOrderEvent } from '../../db/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { now, orderNoOf, runOrderJob, textVariable } from './order-job';

export const DISPATCH_LEVELS = ['national', 'province', 'city', 'unit'] as const;

export const recordDispatchWorker: WorkerDefinition = {
  taskType: 'work-order.record-dispatch',
  handle: (job) =>
    runOrderJob(job, async () => {
      const level = job.customHeaders.level;
      const index = DISPATCH_LEVELS.indexOf(level as (typeof DISPATCH_LEVELS)[number]);
      if (index < 0) return job.fail({ errorMessage: `bad header level: ${level}`, retries: 0 });
      const returned = textVariable(job, 'dispatchDecision') === 'return' && level !== 'national';
      const handled = !returned && level === 'unit';
      await recordOrderEvent(
        {
          orderNo: orderNoOf(job),
          kind: returned ? 'dispatch-return' : 'dispatch-accept',
          dedupKey: `dispatch:${job.key}`,
          at: now(),
          level,
          comment: textVariable(job, 'dispatchReason'),
        },
        () => ({
          state: handled ? 'handling' : 'dispatching',
          currentLevel: handled ? null : DISPATCH_LEVELS[returned ? index - 1 : index + 1],
        }),
      );
      return job.complete();
    }),
};
