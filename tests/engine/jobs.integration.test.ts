/**
 * The job rules (docs/zeebe-rules.md §3): activation, long polling, streaming, failure and retries, back-off, timeouts,
 * errors and cancellation, through the SDK against the real engine. Time-based rules pin the engine clock.
 */
import { status } from '@grpc/grpc-js';
import { readRecords } from '../support/engine-records';
import { waitFor } from '../support/wait-for';
import {
  activateJob,
  activateJobs,
  activateNow,
  completedElements,
  deployFixture,
  instanceCompleted,
  openIncidents,
  pinClock,
  recordsOf,
  resetClock,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
} from './engine-kit';

const h = useEngine();

beforeAll(async () => {
  await deployFixture(h.zbc, 'job-task.bpmn');
});

afterEach(async () => {
  await resetClock(h.engine);
});

/** Starts `count` instances of the one-task process with a fresh job type. */
async function start(count = 1, variables: Record<string, unknown> = {}) {
  const jobType = unique('job');
  const instances = [];
  for (let i = 0; i < count; i++) {
    instances.push(
      await h.zbc.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType, ...variables } }),
    );
  }
  return { jobType, instances, instance: instances[0] };
}

const rejectsWith = (promise: Promise<unknown>, code: status) => expect(promise).rejects.toMatchObject({ code });

describe('Jobs', () => {
  it('activation hands a job to exactly one worker', async () => {
    const { jobType } = await start(1);
    const polls = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((worker) =>
        h.zbc.activateJobs({ type: jobType, worker, maxJobsToActivate: 5, timeout: 60_000, requestTimeout: 500 }),
      ),
    );
    const jobs = polls.flat();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].worker).toMatch(/^w[1-4]$/);
    expect(await activateNow(h.zbc, jobType)).toEqual([]);
  });

  it('activates at most maxJobsToActivate jobs, oldest first', async () => {
    const { jobType, instances } = await start(3);
    await waitFor(async () =>
      (await recordsOf(h.engine, instances[2].processInstanceKey)).some((r) => r.valueType === 'JOB'),
    );
    const first = await activateNow(h.zbc, jobType, { max: 2 });
    expect(first.map((j) => j.processInstanceKey)).toEqual(instances.slice(0, 2).map((i) => i.processInstanceKey));
    const rest = await activateNow(h.zbc, jobType, { max: 2 });
    expect(rest.map((j) => j.processInstanceKey)).toEqual([instances[2].processInstanceKey]);
  });

  it('a long poll answers as soon as a job appears', async () => {
    const jobType = unique('long-poll');
    const began = Date.now();
    const polling = h.zbc.activateJobs({
      type: jobType,
      worker: 'poller',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 10_000,
    });
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType } });
    const jobs = await polling;
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(jobs.map((j) => j.processInstanceKey)).toEqual([instance.processInstanceKey]);
  });

  it('a poll with nothing to activate answers empty after its requestTimeout', async () => {
    const began = Date.now();
    const jobs = await h.zbc.activateJobs({
      type: unique('nothing'),
      worker: 'poller',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: 1_000,
    });
    expect(jobs).toEqual([]);
    expect(Date.now() - began).toBeGreaterThanOrEqual(900);
    expect(Date.now() - began).toBeLessThan(8_000);
  });

  it('a job stream receives jobs created while it is open', async () => {
    const jobType = unique('stream');
    const received: string[] = [];
    const worker = await h.zbc.streamJobs({
      type: jobType,
      worker: 'streamer',
      tenantIds: ['<default>'],
      timeout: 60_000,
      pollInterval: -1, // only the initial backfill poll, before any job exists
      pollMaxJobsToActivate: 7,
      taskHandler: (job) => {
        received.push(job.processInstanceKey);
        return job.complete({ 已推送: true });
      },
    });
    try {
      // The stream is opened asynchronously: a first job, done either way (pushed or picked up by the SDK's
      // backfill poll), shows that the stream and its poll have reached the engine.
      const probe = await h.zbc.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType } });
      await waitForCompletion(h.engine, probe.processInstanceKey);
      const a = await h.zbc.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType } });
      const b = await h.zbc.createProcessInstance({ bpmnProcessId: 'job-task', variables: { jobType } });
      await waitForCompletion(h.engine, a.processInstanceKey);
      await waitForCompletion(h.engine, b.processInstanceKey);
      expect(received.sort()).toEqual([probe.processInstanceKey, a.processInstanceKey, b.processInstanceKey].sort());
      // Both later jobs were pushed by the stream (as they were created), not picked up by a poll.
      const batches = (await readRecords(h.engine.databaseUrl))
        .filter((r) => r.valueType === 'JOB_BATCH')
        .map((r) => JSON.parse(r.value) as { type: string; worker: string; pushed: boolean; jobKeys: unknown[] })
        .filter((batch) => batch.type === jobType && batch.jobKeys.length > 0)
        .slice(-2);
      expect(batches).toEqual([
        expect.objectContaining({ worker: 'streamer', pushed: true, jobKeys: [expect.any(Number)] }),
        expect.objectContaining({ worker: 'streamer', pushed: true, jobKeys: [expect.any(Number)] }),
      ]);
    } finally {
      worker.close();
    }
  });

  it('FailJob with retries left: the job is activatable again with the new retries', async () => {
    const { jobType } = await start();
    const job = await activateJob(h.zbc, jobType);
    expect(job.retries).toBe(3);
    await h.zbc.failJob({ jobKey: job.key, retries: 2, errorMessage: '营销系统超时', retryBackOff: 0 });
    const again = await activateJob(h.zbc, jobType);
    expect(again).toMatchObject({ key: job.key, retries: 2 });
  });

  it('FailJob with a retry back-off: not activatable until the clock passes it', async () => {
    const { jobType } = await start();
    const now = Date.now();
    await pinClock(h.engine, now);
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.failJob({ jobKey: job.key, retries: 2, errorMessage: 'busy', retryBackOff: 60_000 });
    await pinClock(h.engine, now + 59_000);
    expect(await activateNow(h.zbc, jobType)).toEqual([]);
    await pinClock(h.engine, now + 61_000);
    const again = await activateJob(h.zbc, jobType);
    expect(again).toMatchObject({ key: job.key, retries: 2 });
  });

  it('FailJob with no retries left: incident; resolving needs retries first; then the job completes', async () => {
    const { jobType, instance } = await start();
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: '档案不存在', retryBackOff: 0 });

    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: '档案不存在',
      elementId: 'task',
      jobKey: job.key,
    });
    expect(await activateNow(h.zbc, jobType)).toEqual([]);

    await rejectsWith(h.zbc.resolveIncident({ incidentKey: incident.key }), status.FAILED_PRECONDITION);
    await rejectsWith(h.zbc.updateJobRetries({ jobKey: job.key, retries: 0 }), status.INVALID_ARGUMENT);
    await h.zbc.updateJobRetries({ jobKey: job.key, retries: 1 });
    expect(await activateNow(h.zbc, jobType)).toEqual([]); // updating retries does not resolve the incident
    await h.zbc.resolveIncident({ incidentKey: incident.key });

    const again = await activateJob(h.zbc, jobType);
    expect(again).toMatchObject({ key: job.key, retries: 1 });
    await h.zbc.completeJob({ jobKey: again.key, variables: { 补录: true } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toEqual([]);
  });

  it('a timed-out job is activatable again with its retries; the first completion wins', async () => {
    const { jobType, instance } = await start();
    const now = Date.now();
    await pinClock(h.engine, now);
    const job = await activateJob(h.zbc, jobType, { timeout: 30_000 });
    await pinClock(h.engine, now + 31_000);
    const again = await activateJob(h.zbc, jobType);
    expect(again).toMatchObject({ key: job.key, retries: 3 });

    await h.zbc.completeJob({ jobKey: again.key, variables: { 第二个: true } });
    await rejectsWith(h.zbc.completeJob({ jobKey: job.key, variables: { 第一个: true } }), status.NOT_FOUND);
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const names = (await recordsOf(h.engine, instance.processInstanceKey))
      .filter((r) => r.valueType === 'VARIABLE')
      .map((r) => r.value.name);
    expect(names).toContain('第二个');
    expect(names).not.toContain('第一个');
  });

  it('UpdateJobTimeout moves the deadline to now + timeout', async () => {
    const { jobType } = await start();
    const now = Date.now();
    await pinClock(h.engine, now);
    const job = await activateJob(h.zbc, jobType, { timeout: 30_000 });
    await h.zbc.updateJobTimeout({ jobKey: job.key, timeout: 600_000 });
    await pinClock(h.engine, now + 120_000);
    // Past the original deadline, within the new one: give the engine's deadline check a chance to (wrongly) fire.
    await expect(
      waitFor(async () => (await activateNow(h.zbc, jobType)).length > 0, {
        timeout: 1_500,
        description: 'no reactivation',
      }),
    ).rejects.toThrow(/timed out/);
    await pinClock(h.engine, now + 601_000);
    expect(await activateJob(h.zbc, jobType)).toMatchObject({ key: job.key });
  });

  it('completing an unknown job: NOT_FOUND', async () => {
    await rejectsWith(h.zbc.completeJob({ jobKey: '2251799813999999', variables: {} }), status.NOT_FOUND);
  });

  it('ThrowError with no catch event: UNHANDLED_ERROR_EVENT incident on the task', async () => {
    const { jobType, instance } = await start();
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.throwError({ jobKey: job.key, errorCode: 'NO_METER', errorMessage: '无表计' });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'task' });
    expect(incident.errorMessage).toContain('NO_METER');
    expect(await instanceCompleted(h.engine, instance.processInstanceKey)).toBe(false);

    // Resolving ignores the error and re-enables the job.
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    const again = await activateJob(h.zbc, jobType);
    await h.zbc.completeJob({ jobKey: again.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
  });

  it('CancelProcessInstance cancels the job; completing it afterwards: NOT_FOUND', async () => {
    const { jobType, instance } = await start();
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.cancelProcessInstance(instance.processInstanceKey);
    await rejectsWith(h.zbc.completeJob({ jobKey: job.key, variables: {} }), status.NOT_FOUND);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(['task', 'job-task']);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual(['start']);
    const jobEvents = (await recordsOf(h.engine, instance.processInstanceKey))
      .filter((r) => r.valueType === 'JOB')
      .map((r) => r.intent);
    expect(jobEvents).toContain('CANCELED');
  });

  it('activates several jobs of one type across instances', async () => {
    const { jobType } = await start(2);
    const jobs = await activateJobs(h.zbc, jobType, 2);
    expect(new Set(jobs.map((j) => j.key)).size).toBe(2);
  });
});
