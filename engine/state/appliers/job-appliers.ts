import type { JobRecordValue } from '../../records/record-values';
import type { Job, JobState } from '../entities';
import type { EngineState } from '../engine-state';
import type { Appliers } from './applier';

/** Job events carry the whole job as it is after the change; the intent says which state it is in. */
const putJob =
  (next: JobState | ((job: Job) => JobState)) =>
  (state: EngineState, key: number, value: JobRecordValue): void => {
    // Command details (variables, back-off, timeout) are part of the record, not of the job's state.
    const { variables: _variables, retryBackoff: _retryBackoff, timeout: _timeout, result: _result, ...fields } = value;
    const job: Job = { state: 'ACTIVATABLE', ...fields, key };
    job.state = typeof next === 'function' ? next(job) : next;
    state.jobs.put(job);
  };

const removeJob = (state: EngineState, key: number): void => state.jobs.remove(key);

/**
 * A completed execution listener job counts on its element instance, so that a step retried after an incident
 * does not run the listeners that already completed again.
 */
const completeJob = (state: EngineState, key: number, value: JobRecordValue): void => {
  state.jobs.remove(key);
  if (value.kind !== 'EXECUTION_LISTENER') return;
  const instance = state.elementInstances.get(value.elementInstanceKey);
  if (!instance) return;
  const eventType = value.listenerEventType === 'END' ? 'end' : 'start';
  instance.completedListeners = { ...instance.completedListeners, [eventType]: (value.listenerIndex ?? 0) + 1 };
  state.elementInstances.save(instance);
};

/** A failed job with retries left is activatable at once unless it waits out a back-off. */
const afterFailure = (job: Job): JobState => (job.retries > 0 && job.recurringAt === 0 ? 'ACTIVATABLE' : 'FAILED');

export const jobAppliers: Appliers = {
  JOB: {
    CREATED: putJob('ACTIVATABLE'),
    COMPLETED: completeJob,
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
      value.jobKeys.forEach((key, i) => state.jobs.put({ ...value.jobs[i], key, state: 'ACTIVATED' }));
    },
  },
};
