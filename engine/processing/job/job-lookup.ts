import { failedPrecondition, notFound } from '../../errors';
import type { JobRecordValue } from '../../records/record-values';
import type { Job, JobState } from '../../state/entities';
import type { CommandContext } from '../command-context';

/** Finds a job for a command, or rejects: NOT_FOUND when there is none, FAILED_PRECONDITION in the wrong state. */
export function jobFor(ctx: CommandContext, jobKey: number, action: string, allowed: JobState[]): Job {
  const job = ctx.state.jobs.get(jobKey);
  if (!job) throw notFound(`Expected to ${action} job with key '${jobKey}', but no such job was found`);
  if (!allowed.includes(job.state)) {
    const why =
      job.state === 'FAILED' && job.retries <= 0
        ? 'it failed with no retries left and has an incident'
        : `it is in state '${job.state}'`;
    throw failedPrecondition(`Expected to ${action} job with key '${jobKey}', but ${why}`);
  }
  return job;
}

/** The job as a record value, with the fields a command changed. */
export function jobValue(job: Job, changes: Partial<JobRecordValue> = {}): JobRecordValue {
  return { ...job, ...changes };
}
