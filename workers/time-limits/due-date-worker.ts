/**
 * `time-limit.due-date` (headers step, decision): the step's limit from the decision, its due date and warning
 * date from the business calendar, as ONE variable `timeLimit` = {step, amount, unit, startedAt, dueDate, warnDate}
 * that the BPMN maps to `limit_<step>` for the user task's dueDate and its boundary timers. The warning is
 * `warnBefore` units before the due date (computed as amount − warnBefore from the start, so it follows the same
 * calendar), null when warnBefore is 0. The limit counts from the step's start, or from the instant in the
 * variable the decision names in `countFrom` (then `startedAt` is that instant). A working-day due date in a year
 * without a published holiday schedule is reckoned with the statutory holidays, shown as provisional, and the
 * administrators are told (schedule-reminders).
 */
import { appClock } from '../../lib/clock/app-clock';
import { loadBusinessCalendar } from '../../lib/calendar';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { ModelError, requireHeader, runJob } from '../job-input';
import { evaluateStepLimit } from './limit-decision';
import { remindIfDueInMissingYear } from './schedule-reminders';

function countStart(job: WorkerJob, countFrom: string | null): Date {
  if (countFrom === null) return appClock.now();
  const value = job.variables[countFrom];
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime()))
    throw new ModelError(
      `起算时刻变量 ${countFrom} 缺失或不是时间 / the limit counts from "${countFrom}", which is not an instant: ${JSON.stringify(value)}`,
    );
  return at;
}

export const dueDateWorker: WorkerDefinition = {
  taskType: 'time-limit.due-date',
  handle: (job, context) =>
    runJob(job, async () => {
      const step = requireHeader(job, 'step');
      const decision = requireHeader(job, 'decision');
      const limit = await evaluateStepLimit(context, job, decision, step);
      const calendar = await loadBusinessCalendar();
      const startedAt = countStart(job, limit.countFrom);
      const dueDate = calendar.add(startedAt, limit.amount, limit.unit);
      if (limit.unit === 'WD') await remindIfDueInMissingYear(calendar, dueDate, context.config);
      const warnDate =
        limit.warnBefore > 0 ? calendar.add(startedAt, Math.max(limit.amount - limit.warnBefore, 0), limit.unit) : null;
      return job.complete({
        timeLimit: {
          step,
          amount: limit.amount,
          unit: limit.unit,
          startedAt: startedAt.toISOString(),
          dueDate: dueDate.toISOString(),
          warnDate: warnDate?.toISOString() ?? null,
        },
      });
    }),
};
