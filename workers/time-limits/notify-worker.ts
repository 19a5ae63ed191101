/**
 * `time-limit.notify` (headers level = warning | overdue | escalation, step, recipientRole = manager by default),
 * reached from a user task's boundary timer: records the alert (one per notify task: its element instance key) and
 * notifies the role (deduplicated by job key).
 */
import { raiseTimeLimitAlert, requireLevel } from '../../domain/time-limits';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { requireBusinessKey, requireHeader, runJob } from '../job-input';

/** The step's `timeLimit` (mapped to a variable such as limit_survey), when the job can see it. */
function dueDateOf(job: WorkerJob, step: string): string | undefined {
  for (const value of Object.values(job.variables)) {
    const limit = value as { step?: unknown; dueDate?: unknown } | null;
    if (limit && typeof limit === 'object' && limit.step === step && typeof limit.dueDate === 'string')
      return limit.dueDate;
  }
  return undefined;
}

export const notifyWorker: WorkerDefinition = {
  taskType: 'time-limit.notify',
  variables: { headers: ['level', 'step'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const level = requireLevel(requireHeader(job, 'level'));
      const step = requireHeader(job, 'step');
      await raiseTimeLimitAlert(context, {
        level,
        step,
        recipientRole: job.customHeaders.recipientRole?.trim() || 'manager',
        businessKey: requireBusinessKey(job),
        dueDate: dueDateOf(job, step),
        elementInstanceKey: job.elementInstanceKey,
        occasion: job.key,
      });
      return job.complete();
    }),
};
