/**
 * `work-order.record-dispatch` (header level = national | province | city | unit): one level's accept or return
 * (with its reason) and who did it. The reason is cleared once recorded, so that a later accept of the same order
 * does not repeat an earlier return's reason.
 */
import { DISPATCH_LEVELS, recordDispatch, type DispatchLevel } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { orderNoOf, runOrderJob, textVariable } from './order-job';

export const recordDispatchWorker: WorkerDefinition = {
  taskType: 'work-order.record-dispatch',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const level = job.customHeaders.level as DispatchLevel;
      if (!DISPATCH_LEVELS.includes(level)) return job.fail({ errorMessage: `bad header level: ${level}`, retries: 0 });
      await recordDispatch(context, {
        orderNo: orderNoOf(job),
        level,
        returned: textVariable(job, 'dispatchDecision') === 'return',
        reason: textVariable(job, 'dispatchReason'),
        processInstanceKey: job.processInstanceKey,
        occasion: job.key,
      });
      return job.complete({ dispatchReason: null });
    }),
};
