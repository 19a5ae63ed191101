/**
 * `work-order.record-dispatch` (header level = national | province | city | unit): records one level's accept
 * (派单/接单) or return (退单, with its reason) in the order's history — with who did it, the user who completed
 * the level's user task `<level>-dispatch` — and where the order now waits. The reason is cleared once recorded,
 * so that a later accept of the same order does not repeat an earlier return's reason; a return's reason becomes
 * `returnedReason` (with `returnedFrom`), which the dispatch form of the level above shows. When the crew accepts, the
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
      const returned = textVariable(job, 'dispatchDecision') === 'return';
      const reason = textVariable(job, 'dispatchReason');
      const { dispatchedAt } = await recordDispatch(context, {
        orderNo: orderNoOf(job),
        level,
        returned,
        reason,
        processInstanceKey: job.processInstanceKey,
        occasion: job.key,
      });
      // The level above sees why the order came back on its dispatch form (returnedReason), until it is dispatched.
      const returnedTo = returned ? { returnedReason: reason, returnedFrom: level } : { returnedReason: null };
      if (!dispatchedAt) return job.complete({ dispatchReason: null, ...returnedTo });
      return job.complete({ dispatchReason: null, ...returnedTo, dispatchedAt: dispatchedAt.toISOString() });
    }),
};
