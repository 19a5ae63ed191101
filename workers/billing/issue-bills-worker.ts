/** `billing.issue-bills` (发行): the run's bills become owed, due by the issue rule; answers the count and due day. */
import { issueBills } from '../../domain/billing';
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const issueBillsWorker: WorkerDefinition = {
  taskType: 'billing.issue-bills',
  timeoutMs: 5 * 60_000,
  variables: { inputs: ['runId'], outputs: ['issued', 'dueDate'] },
  handle: (job) =>
    runJob(job, async () => job.complete(await issueBills(await runOf(job), chinaDayOf(appClock.now())))),
};
