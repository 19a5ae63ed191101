/**
 * `work-order.record-reply` (header source = agent | unit): the answer the agent gave at once, or the unit's
 * reply (回单) after handling, which goes to review. A reply within the handling limit (`limit_handle`) counts as
 * on time in the statistics; a fault repair is on time when it kept both its commitments (arrival, restoration).
 */
import { recordOrderEvent } from '../../db/work-orders';
import { repairCommitments } from '../../api/work-orders/repair-commitments';
import type { WorkerDefinition } from '../worker-definition';
import { now, objectVariable, orderNoOf, runOrderJob, textVariable } from './order-job';

export const recordReplyWorker: WorkerDefinition = {
  taskType: 'work-order.record-reply',
  handle: (job) =>
    runOrderJob(job, async () => {
      const byAgent = job.customHeaders.source === 'agent';
      const at = now();
      const dueDate = objectVariable(job, 'limit_handle').dueDate;
      const onTime = byAgent || typeof dueDate !== 'string' || at.getTime() <= new Date(dueDate).getTime();
      const reply = textVariable(job, byAgent ? 'answer' : 'reply');
      await recordOrderEvent(
        {
          orderNo: orderNoOf(job),
          kind: byAgent ? 'answer' : 'reply',
          dedupKey: `reply:${job.key}`,
          at,
          comment: reply,
        },
        (order) => ({
          reply,
          repliedAt: at,
          onTime: order.arrivalDueAt ? repairCommitments(order, at).onTime : onTime,
          state: byAgent ? 'answered' : 'reviewing',
        }),
      );
      return job.complete();
    }),
};
