/**
 * `work-order.record-dispatch` (header level = national | province | city | unit): records one level's accept
 * (派单/接单) or return (退单, with its reason) in the order's history — with who did it, the user who completed
 * the level's user task `<level>-dispatch` — and where the order now waits. The reason is cleared once recorded,
 * so that a later accept of the same order does not repeat an earlier return's reason. When the crew accepts, the
 * moment is the order's `dispatchedAt` (also a process variable: the crew's arrival may not be recorded before it).
 */
import { Op } from 'sequelize';
import { WorkOrderEvent, recordOrderEvent } from '../../db/work-orders';
import type { WorkerDefinition } from '../worker-definition';
import { now, orderNoOf, runOrderJob, textVariable } from './order-job';
import { taskActor } from './task-completer';

export const DISPATCH_LEVELS = ['national', 'province', 'city', 'unit'] as const;

/** How many times this level was recorded before this job: its task has been completed once more. */
async function earlierRecords(orderNo: string, level: string, dedupKey: string): Promise<number> {
  return WorkOrderEvent.count({
    where: { orderNo, level, kind: ['dispatch-accept', 'dispatch-return'], dedupKey: { [Op.ne]: dedupKey } },
  });
}

export const recordDispatchWorker: WorkerDefinition = {
  taskType: 'work-order.record-dispatch',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const level = job.customHeaders.level;
      const index = DISPATCH_LEVELS.indexOf(level as (typeof DISPATCH_LEVELS)[number]);
      if (index < 0) return job.fail({ errorMessage: `bad header level: ${level}`, retries: 0 });
      const orderNo = orderNoOf(job);
      const dedupKey = `dispatch:${job.key}`;
      const returned = textVariable(job, 'dispatchDecision') === 'return' && level !== 'national';
      const handled = !returned && level === 'unit';
      const expected = (await earlierRecords(orderNo, level, dedupKey)) + 1;
      const actor = await taskActor(context.camunda, job.processInstanceKey, `${level}-dispatch`, expected);
      const at = now();
      const { order } = await recordOrderEvent(
        {
          orderNo,
          kind: returned ? 'dispatch-return' : 'dispatch-accept',
          dedupKey,
          at,
          level,
          actor: actor?.login ?? null,
          actorName: actor?.name ?? null,
          comment: textVariable(job, 'dispatchReason'),
        },
        () => ({
          state: handled ? 'handling' : 'dispatching',
          currentLevel: handled ? null : DISPATCH_LEVELS[returned ? index - 1 : index + 1],
          ...(handled ? { dispatchedAt: at } : {}),
        }),
      );
      if (!handled) return job.complete({ dispatchReason: null });
      return job.complete({ dispatchReason: null, dispatchedAt: (order.dispatchedAt ?? at).toISOString() });
    }),
};
