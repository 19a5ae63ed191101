/** `billing.notify-customers`: each customer of the run is sent their issued bill, once per bill. */
import { notifyCustomers } from '../../domain/billing';
import type { WorkerDefinition } from '../worker-definition';
import { runJob, runOf } from './run-job';

export const notifyCustomersWorker: WorkerDefinition = {
  taskType: 'billing.notify-customers',
  timeoutMs: 30 * 60_000,
  variables: { inputs: ['runId'], outputs: ['notified'] },
  handle: (job, context) => runJob(job, async () => job.complete(await notifyCustomers(context, await runOf(job)))),
};
