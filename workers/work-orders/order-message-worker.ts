/**
 * `work-order.record-urging` and `work-order.record-supervision`: an urging (催办) or a supervision (督办) that
 * reached the running order through its event subprocess is counted, kept in the history and passed on to the
 * handling unit: addressed to its org group (the unit's staff and its crews see it), not to every crew. Each
 * job is one message, so the job key deduplicates (message variables of two quick messages may overwrite each
 * other; the count stays right).
 */
import { recordOrderEvent, type WorkOrder } from '../../db/work-orders';
import { notify } from '../../domain/notifications';
import type { WorkerDefinition } from '../worker-definition';
import { now, objectVariable, orderNoOf, runOrderJob } from './order-job';

interface OrderMessage {
  taskType: string;
  /** The message variable holding {content | comment, by}. */
  variable: string;
  kind: 'urge' | 'supervise';
  counter: 'urgeCount' | 'supervisionCount';
  title: string;
}

function orderMessageWorker(message: OrderMessage): WorkerDefinition {
  return {
    taskType: message.taskType,
    handle: (job, context) =>
      runOrderJob(job, async () => {
        const orderNo = orderNoOf(job);
        const payload = objectVariable(job, message.variable);
        const text = String(payload.content ?? payload.comment ?? '');
        const by = typeof payload.by === 'string' ? payload.by : null;
        const { order } = await recordOrderEvent(
          { orderNo, kind: message.kind, dedupKey: `${message.kind}:${job.key}`, at: now(), actor: by, comment: text },
          (current: WorkOrder) => ({ [message.counter]: current[message.counter] + 1 }),
        );
        await notify(
          {
            dedupKey: `work-order-${message.kind}:${job.key}`,
            kind: message.kind === 'urge' ? 'urging' : 'supervision',
            recipientType: 'group',
            recipient: order.handlingUnit,
            title: `【${message.title}】${orderNo}（${order.handlingUnit}）`,
            body: `工单 ${orderNo} 第 ${order[message.counter]} 次${message.title}：${text} / order ${orderNo}: ${message.kind}`,
            businessKey: orderNo,
          },
          { config: context.config },
        );
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
