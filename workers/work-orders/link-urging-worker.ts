/**
 * `work-order.link-urging`: an urging order (催办单) is linked to the order it urges and publishes
 * `work-order-urged` to it, where it is counted. The link is recorded after publishing, and a redelivered job
 * that finds it publishes nothing more.
 */
import { WorkOrderEvent, recordOrderEvent } from '../../db/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { now, orderNoOf, runOrderJob, textVariable } from './order-job';

export const linkUrgingWorker: WorkerDefinition = {
  taskType: 'work-order.link-urging',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const orderNo = orderNoOf(job);
      const dedupKey = `link:${orderNo}`;
      const urged = textVariable(job, 'relatedOrderNo');
      if (!urged) return job.fail({ errorMessage: 'missing variable relatedOrderNo', retries: 0 });
      if (!(await WorkOrderEvent.findOne({ where: { dedupKey } }))) {
        await context.camunda.zeebe.publishMessage({
          name: 'work-order-urged',
          correlationKey: urged,
          messageId: dedupKey,
          timeToLive: 0,
          variables: { urge: { content: `催办单 ${orderNo}：${textVariable(job, 'content') ?? ''}`, by: orderNo } },
        });
        await recordOrderEvent(
          { orderNo, kind: 'linked', dedupKey, at: now(), comment: `催办原工单 ${urged}` },
          () => ({ state: 'linked' }),
        );
      }
      return job.complete();
    }),
};
