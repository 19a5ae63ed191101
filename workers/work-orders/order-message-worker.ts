/**
 * `work-order.record-urging` and `work-order.record-supervision`: an urging (催办) or a supervision (督办) that
 * reached the running order through its event subprocess. Each job is one message, so the job key deduplicates
 * (message variables of two quick messages may overwrite each other; the count stays right).
 */
import { recordOrderMessage, type OrderMessageKind } from '../../domain/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { objectVariable, orderNoOf, runOrderJob } from './order-job';

interface OrderMessage extends OrderMessageKind {
  taskType: string;
  /** The message variable holding {content | comment, by}. */
  variable: string;
}

function orderMessageWorker(message: OrderMessage): WorkerDefinition {
  return {
    taskType: message.taskType,
    handle: (job, context) =>
      runOrderJob(job, async () => {
        const payload = objectVariable(job, message.variable);
        await recordOrderMessage(context, message, {
          orderNo: orderNoOf(job),
          text: String(payload.content ?? payload.comment ?? ''),
          by: typeof payload.by === 'string' ? payload.by : null,
          occasion: job.key,
        });
        return job.complete();
      }),
  };
}

export const recordUrgingWorker = orderMessageWorker({
  taskType: 'work-order.record-urging',
  variable: 'urge',
  kind: 'urge',
  counter: 'urgeCount',
  title: '客户催办',
});

export const recordSupervisionWorker = orderMessageWorker({
  taskType: 'work-order.record-supervision',
  variable: 'supervision',
  kind: 'supervise',
  counter: 'supervisionCount',
  title: '督办',
});
