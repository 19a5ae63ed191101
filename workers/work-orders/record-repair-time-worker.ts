/**
 * `work-order.record-repair-time` (header event = arrival | restoration): the time the crew recorded on its form —
 * `arrivedAt` (not before `dispatchedAt`) or `restoredAt` (not before the arrival) — written to the order. The form
 * already refused bad times; a time that still gets here wrong is an incident, not a silent record.
 */
import { RepairTimeRefused, recordRepairTime } from '../../domain/work-orders';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { objectVariable, orderNoOf, runOrderJob, textVariable } from './order-job';

function instant(job: WorkerJob, name: string): Date {
  const value = job.variables[name];
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime()))
    throw new RepairTimeRefused(`${name} 不是时间 / ${name} is not a time: ${String(value)}`);
  return at;
}

export const recordRepairTimeWorker: WorkerDefinition = {
  taskType: 'work-order.record-repair-time',
  handle: (job, context) =>
    runOrderJob(job, async () => {
      const event = job.customHeaders.event;
      if (event !== 'arrival' && event !== 'restoration')
        return job.fail({ errorMessage: `bad header event: ${event}`, retries: 0 });
      const orderNo = orderNoOf(job);
      const arrival = event === 'arrival';
      try {
        await recordRepairTime(context, {
          orderNo,
          processInstanceKey: job.processInstanceKey,
          event,
          at: instant(job, arrival ? 'arrivedAt' : 'restoredAt'),
          earliest: arrival ? instant(job, 'dispatchedAt') : instant(job, 'arrivedAt'),
          restorationDue: objectVariable(job, 'limit_handle').dueDate,
          note: arrival ? textVariable(job, 'arrivalNote') : null,
          occasion: job.key,
        });
      } catch (error) {
        if (error instanceof RepairTimeRefused) return job.fail({ errorMessage: error.message, retries: 0 });
        throw error;
      }
      return job.complete();
    }),
};
