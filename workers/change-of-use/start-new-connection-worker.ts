/**
 * `change-of-use.start-new-connection`: hands the change over to 业扩 and answers the new application's number.
 * A redelivered job gets the same application back: 业扩 keys the handover by the change number.
 */
import { startNewConnection } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { requireBusinessKey, runJob } from './change-job';

export const startNewConnectionWorker: WorkerDefinition = {
  taskType: 'change-of-use.start-new-connection',
  handle: (job, context) =>
    runJob(job, async () => job.complete(await startNewConnection(context, requireBusinessKey(job)))),
};
