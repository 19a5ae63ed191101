import type { CommandContext, CommandProcessor } from '../command-context';
import { jobFor, jobValue } from './job-lookup';

/** UpdateJobRetries: sets the retries; an incident stays until it is resolved. */
export const updateJobRetriesProcessor: CommandProcessor<{ jobKey: number; retries: number }, void> = (
  ctx,
  { jobKey, retries },
) => {
  const job = jobFor(ctx, jobKey, 'update retries of', ['ACTIVATABLE', 'ACTIVATED', 'FAILED', 'ERROR_THROWN']);
  ctx.writer.append('JOB', 'RETRIES_UPDATED', jobKey, jobValue(job, { retries }));
};

/** UpdateJobTimeout: the deadline of an activated job becomes now + timeout. */
export const updateJobTimeoutProcessor: CommandProcessor<{ jobKey: number; timeout: number }, void> = (
  ctx,
  { jobKey, timeout },
) => {
  const job = jobFor(ctx, jobKey, 'update the timeout of', ['ACTIVATED']);
  ctx.writer.append('JOB', 'TIMEOUT_UPDATED', jobKey, jobValue(job, { deadline: ctx.now() + timeout, timeout }));
};

/** A pushed job its stream could not take goes back to the activatable jobs. */
export const yieldJobProcessor: CommandProcessor<{ jobKey: number }, void> = (ctx, { jobKey }) => {
  const job = ctx.state.jobs.get(jobKey);
  if (job?.state !== 'ACTIVATED') return;
  ctx.writer.append('JOB', 'YIELDED', jobKey, jobValue(job, { worker: '', deadline: 0 }));
  ctx.effects.jobTypesAvailable.add(job.type);
};

/** Jobs whose activation deadline passed, and failed jobs whose back-off ended, become activatable again. */
export function triggerDueJobs(ctx: CommandContext): void {
  const now = ctx.now();
  for (const key of [...ctx.state.jobs.activatedJobs()]) {
    const job = ctx.state.jobs.get(key)!;
    if (job.deadline <= now) {
      ctx.writer.append('JOB', 'TIMED_OUT', key, jobValue(job, { worker: '', deadline: 0 }));
      ctx.effects.jobTypesAvailable.add(job.type);
    }
  }
  for (const key of [...ctx.state.jobs.backingOffJobs()]) {
    const job = ctx.state.jobs.get(key)!;
    if (job.recurringAt <= now) {
      ctx.writer.append('JOB', 'RECURRED_AFTER_BACKOFF', key, jobValue(job, { recurringAt: 0 }));
      ctx.effects.jobTypesAvailable.add(job.type);
    }
  }
}

/** Whether anything is due at `now` (read outside the writer, to decide whether to send TRIGGER_DUE). */
export function hasDueJobs(ctx: Pick<CommandContext, 'state'>, now: number): boolean {
  for (const key of ctx.state.jobs.activatedJobs()) if (ctx.state.jobs.get(key)!.deadline <= now) return true;
  for (const key of ctx.state.jobs.backingOffJobs()) if (ctx.state.jobs.get(key)!.recurringAt <= now) return true;
  return false;
}
