/**
 * `work-order.record-dispatch` (header level = national | province | city | unit): records one level's accept
 * (派单/接单) or return (退单, with its reason) in the order's history — with who did it, the user who completed
 * the level's user task `<level>-dispatch` — and where the order now waits. The reason is cleared once recorded,
 * so that a later accept of the same order does not repeat an earlier return's reason. When the crew accepts, the
 * moment is the order's `dispatchedAt` (also a process variable: the crew's arrival may not be recorded before it).
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
      const { dispatchedAt } = await recordDispatch(context, {
        orderNo: orderNoOf(job),
        level,
        returned: textVariable(job, 'dispatchDecision') === 'return',
        reason: textVariable(job, 'dispatchReason'),
        processInstanceKey: job.processInstanceKey,
        occasion: job.key,
      });
      if (!dispatchedAt) return job.complete({ dispatchReason: null });
      return job.complete({ dispatchReason: null, dispatchedAt: dispatchedAt.toISOString() });
    }),
};
