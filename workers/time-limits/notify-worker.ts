/**
 * `time-limit.notify` (headers level = warning | overdue | escalation, step, recipientRole = manager by default),
 * reached from a user task's boundary timer: records the event that compliance statistics read (one per notify
 * task: its element instance key) and notifies the role (deduplicated by job key).
 */
import { TimeLimitEvent } from '../../db/time-limits/time-limit-models';
import { appClock } from '../../lib/clock/app-clock';
import { notify } from '../../domain/notifications';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { ModelError, requireBusinessKey, requireHeader, runJob } from '../job-input';

const LEVELS = { warning: '时限预警', overdue: '超时告警', escalation: '超时升级' } as const;
type Level = keyof typeof LEVELS;

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
  handle: (job, context) =>
    runJob(job, async () => {
      const level = requireHeader(job, 'level');
      if (!(level in LEVELS))
        throw new ModelError(`任务头 level 应为 warning、overdue 或 escalation / bad header level: ${level}`);
      const step = requireHeader(job, 'step');
      const recipient = job.customHeaders.recipientRole?.trim() || 'manager';
      const businessKey = requireBusinessKey(job);
      const at = appClock.now();
      await TimeLimitEvent.findOrCreate({
        where: { elementInstanceKey: job.elementInstanceKey },
        defaults: { businessKey, step, level, at, elementInstanceKey: job.elementInstanceKey },
      });
      const dueDate = dueDateOf(job, step);
      await notify(
        {
          dedupKey: `time-limit:${job.key}`,
          kind: level,
          recipientType: 'role',
          recipient,
          title: `【${LEVELS[level as Level]}】${businessKey} ${step}`,
          body:
            `案件 ${businessKey} 的环节「${step}」${level === 'warning' ? '即将到期' : '已超过时限'}` +
            (dueDate ? `，期限 ${dueDate}` : '') +
            ` / case ${businessKey}, step ${step}: ${level}${dueDate ? `, due ${dueDate}` : ''}`,
          businessKey,
        },
        { config: context.config },
      );
      return job.complete();
    }),
};
