/**
 * `work-order.archive`: the order is finished (归档): its handling time is kept for the statistics and the
 * customer is told, by the phone number they gave.
 */
import { recordOrderEvent } from '../../db/work-orders';
import { notify } from '../../domain/notifications';
import type { WorkerDefinition } from '../worker-definition';
import { now, orderNoOf, runOrderJob } from './order-job';

export const archiveWorker: WorkerDefinition = {
  taskType: 'work-order.archive',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const orderNo = orderNoOf(job);
      const at = now();
      const { order } = await recordOrderEvent(
        { orderNo, kind: 'archive', dedupKey: `archive:${job.key}`, at },
        (current) => ({
          state: 'archived',
          archivedAt: at,
          currentLevel: null,
          handlingMinutes: Math.max(0, Math.round((at.getTime() - current.acceptedAt.getTime()) / 60_000)),
        }),
      );
      await notify(
        {
          dedupKey: `work-order-archived:${job.key}`,
          kind: 'customer',
          recipientType: 'customer',
          recipient: order.phone,
          title: `您的95598工单 ${orderNo} 已办结`,
          body: `尊敬的${order.customerName}，您反映的问题（工单 ${orderNo}）已处理完毕。感谢您对供电服务的支持！`,
          businessKey: orderNo,
        },
        { config: context.config },
      );
      return job.complete();
    }),
};
