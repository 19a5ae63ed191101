import type { ActivatedJob, ActivateJobsRequest } from '../../engine-api';
import type { CommandContext, CommandProcessor } from '../command-context';
import { activateJobs } from './job-activation';
import { STREAM_CAPACITY, type Poller } from './job-waiters';

/** Jobs a stream gets per turn. */
const STREAM_CHUNK = 32;

/**
 * ActivateJobs: whatever is activatable now is answered at once; with nothing, the call waits as a poller (unless
 * its requestTimeout is negative) and is served by `dispatchJobs` when jobs of its type appear.
 */
export const activateJobsProcessor: CommandProcessor<
  { request: ActivateJobsRequest; poller: Poller },
  ActivatedJob[] | undefined
> = (ctx, { request, poller }) => {
  const jobs = activateJobs(ctx, {
    type: request.type,
    worker: request.worker,
    timeout: request.timeout,
    max: request.maxJobsToActivate,
    fetchVariable: request.fetchVariable,
  });
  if (jobs.length > 0 || (request.requestTimeout ?? 0) < 0) return jobs;
  ctx.jobWaiters.addPoller(poller);
  return undefined;
};

/**
 * Hands activatable jobs of the given types to those waiting: job streams first, a chunk each in turn, then
 * pollers in arrival order. Runs at the end of each batch; the jobs reach them once the batch is durable.
 */
export function dispatchJobs(ctx: CommandContext, types: Iterable<string>, yieldJob: (jobKey: number) => void): void {
  for (const type of types) {
    while (ctx.state.jobs.hasActivatable(type)) {
      const stream = ctx.jobWaiters.nextStream(type, (jobKey) => ctx.state.jobs.get(jobKey)?.state === 'ACTIVATED');
      if (stream) {
        // A chunk per turn: one activation record for many pushed jobs, and streams still take turns.
        const max = Math.min(STREAM_CHUNK, STREAM_CAPACITY - stream.pushed!.size);
        const jobs = activateJobs(ctx, { ...stream.request, max, pushed: true });
        for (const job of jobs) stream.pushed!.add(job.key);
        ctx.afterCommit(() => {
          for (const job of jobs) if (stream.closed || !stream.push(job)) yieldJob(job.key);
        });
        continue;
      }
      const poller = ctx.jobWaiters.nextPoller(type);
      if (!poller) break;
      const request = poller.request;
      const jobs = activateJobs(ctx, { ...request, max: request.maxJobsToActivate });
      ctx.jobWaiters.detachPoller(poller);
      ctx.afterCommit(() => poller.deliver(jobs));
    }
  }
}
