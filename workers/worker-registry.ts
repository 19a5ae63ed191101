/**
 * Starts one SDK job worker per definition. Every business area lists its workers in `allWorkers` (workers/index.ts).
 */
import { logger } from '../lib/logger/logger';
import type { WorkerContext, WorkerDefinition } from './worker-definition';

const log = logger('workers');

export interface RunningWorkers {
  close(): Promise<void>;
}

export function startWorkers(definitions: WorkerDefinition[], context: WorkerContext): RunningWorkers {
  const workers = definitions.map((definition) =>
    context.camunda.zeebe.createWorker<Record<string, unknown>, Record<string, string>, Record<string, unknown>>({
      taskType: definition.taskType,
      timeout: definition.timeoutMs ?? 60_000,
      maxJobsToActivate: 16,
      pollInterval: 300,
      longPoll: 10_000,
      taskHandler: (job) => definition.handle(job, context),
      onConnectionError: () => log.warn('engine connection lost', { taskType: definition.taskType }),
    }),
  );
  log.info('workers started', { count: workers.length });
  return {
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close(2000).catch(() => undefined)));
    },
  };
}
