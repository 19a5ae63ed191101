/**
 * `work-order.record-repair-time` (header event = arrival | restoration): writes the time the crew recorded on its
 * form — `arrivedAt` (not before the crew took the order) or `restoredAt` (not before the arrival), neither in the
 * future — to the order, with the restoration commitment that counts from the arrival (`limit_handle.dueDate`,
 * decision 0019). The first visit's times are the ones the commitments judge; a reopened order's later visits
 * are kept in its history only. The form already refused bad times; a time that still gets here wrong (a client
 * completing the task past the form check) is an incident, not a silent record.
 */
import { recordOrderEvent } from '../../db/work-orders';
import type { WorkOrder } from '../../db/work-orders';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { now, objectVariable, orderNoOf, runOrderJob, textVariable } from './order-job';

class BadRepairTime extends Error {}

function instant(job: WorkerJob, name: string): Date {
  const value = job.variables[name];
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime()))
    throw new BadRepairTime(`${name} 不是时间 / ${name} is not a time: ${String(value)}`);
  return at;
}

function requireSequence(at: Date, earliest: Date | null, what: string, current: Date): void {
  if (at.getTime() > current.getTime()) throw new BadRepairTime(`${what} 晚于当前时间 / ${what} is in the future`);
  if (earliest && at.getTime() < earliest.getTime())
    throw new BadRepairTime(`${what} 早于 ${earliest.toISOString()} / ${what} is before ${earliest.toISOString()}`);
}

export const recordRepairTimeWorker: WorkerDefinition = {
  taskType: 'work-order.record-repair-time',
  handle: (job) =>
    runOrderJob(job, async () => {
      const event = job.customHeaders.event;
      if (event !== 'arrival' && event !== 'restoration')
        return job.fail({ errorMessage: `bad header event: ${event}`, retries: 0 });
      const orderNo = orderNoOf(job);
      const arrival = event === 'arrival';
      try {
        const at = instant(job, arrival ? 'arrivedAt' : 'restoredAt');
        const earliest = arrival ? instant(job, 'dispatchedAt') : instant(job, 'arrivedAt');
        requireSequence(at, earliest, arrival ? '到达现场时间 arrivedAt' : '恢复送电时间 restoredAt', now());
        const restorationDue = objectVariable(job, 'limit_handle').dueDate;
        const change = (order: WorkOrder): Partial<WorkOrder> => {
          if (arrival)
            return order.arrivedAt
              ? {}
              : {
                  arrivedAt: at,
                  restorationDueAt: typeof restorationDue === 'string' ? new Date(restorationDue) : null,
                };
          return order.restoredAt ? {} : { restoredAt: at };
        };
        await recordOrderEvent(
          {
            orderNo,
            kind: event,
            dedupKey: `${event}:${job.key}`,
            at,
            comment: arrival ? textVariable(job, 'arrivalNote') : null,
          },
          change,
        );
      } catch (error) {
        if (error instanceof BadRepairTime) return job.fail({ errorMessage: error.message, retries: 0 });
        throw error;
      }
      return job.complete();
    }),
};
