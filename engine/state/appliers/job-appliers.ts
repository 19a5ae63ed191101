import type { Job, JobState } from '../entities';
import type { Applier, ApplierTable } from './applier-registry';

/** Job events carry the whole job as it is after the change; the intent says which state it is in. */
const putJob =
  (next: JobState | ((job: Job) => JobState)): Applier =>
  (state, key, value) => {
    // Command details (variables, back-off, timeout) are part of the record, not of the job's state.
    const { variables: _variables, retryBackoff: _retryBackoff, timeout: _timeout, ...fields } = value;
    const job = { ...(fields as unknown as Job), key };
    job.state = typeof next === 'function' ? next(job) : next;
    state.jobs.put(job);
  };

const removeJob: Applier = (state, key) => state.jobs.remove(key);

/** A failed job with retries left is activatable at once unless it waits out a back-off. */
const afterFailure = (job: Job): JobState => (job.retries > 0 && job.recurringAt === 0 ? 'ACTIVATABLE' : 'FAILED');

export const jobAppliers: Record<string, ApplierTable> = {
  JOB: {
    CREATED: putJob('ACTIVATABLE'),
    COMPLETED: removeJob,
    CANCELED: removeJob,
    FAILED: putJob(afterFailure),
    TIMED_OUT: putJob('ACTIVATABLE'),
    YIELDED: putJob('ACTIVATABLE'),
    RECURRED_AFTER_BACKOFF: putJob('ACTIVATABLE'),
    RETRIES_UPDATED: putJob((job) => job.state),
    TIMEOUT_UPDATED: putJob((job) => job.state),
    MIGRATED: putJob((job) => job.state),
    ERROR_THROWN: putJob('ERROR_THROWN'),
  },
  JOB_BATCH: {
    ACTIVATED: (state, _key, value) => {
      const keys = value.jobKeys as number[];
      const jobs = value.jobs as Job[];
      keys.forEach((key, i) => state.jobs.put({ ...jobs[i], key, state: 'ACTIVATED' }));
    },
  },
};
