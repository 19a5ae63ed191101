/**
 * `work-order.record-reply` (header source = agent | unit): the answer the agent gave at once, or the unit's
 * reply (回单) after handling; on time when within the handling limit (`limit_handle`), or for a fault
 * repair when it kept both its commitments (arrival, restoration).
 */
import { recordReply } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { objectVariable, orderNoOf, runOrderJob, textVariable } from './order-job';

export const recordReplyWorker: WorkerDefinition = {
  taskType: 'work-order.record-reply',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const byAgent = job.customHeaders.source === 'agent';
      await recordReply(context, {
        orderNo: orderNoOf(job),
        processInstanceKey: job.processInstanceKey,
        byAgent,
        reply: textVariable(job, byAgent ? 'answer' : 'reply'),
        handleDueDate: objectVariable(job, 'limit_handle').dueDate,
        occasion: job.key,
      });
      return job.complete();
    }),
};
