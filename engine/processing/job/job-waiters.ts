import type { ActivateJobsRequest, ActivatedJob, JobStreamRequest } from '../../engine-api';

/** A long-polling ActivateJobs call waiting for jobs of its type. */
export interface Poller {
  request: ActivateJobsRequest;
  deliver(jobs: ActivatedJob[]): void;
  closed: boolean;
}

/** A StreamActivatedJobs call: jobs are pushed one by one. */
export interface Stream {
  request: JobStreamRequest;
  push(job: ActivatedJob): boolean;
  closed: boolean;
  /** Jobs pushed to it that are not finished yet. */
  pushed?: Set<number>;
}

/**
 * How many pushed jobs a stream may have unfinished at once. Without a limit one stream takes every waiting job
 * at once and its worker drowns in them while other workers idle; with it, the rest wait for whoever is free.
 */
export const STREAM_CAPACITY = 128;

/** Who is waiting for jobs of which type. Lives in memory only: waiting calls do not survive a restart. */
export class JobWaiters {
  private readonly pollers = new Map<string, Poller[]>();
  private readonly streams = new Map<string, Stream[]>();
  private readonly streamTurn = new Map<string, number>();

  addPoller(poller: Poller): void {
    const list = this.pollers.get(poller.request.type) ?? [];
    list.push(poller);
    this.pollers.set(poller.request.type, list);
  }

  /** The poller's caller has gone (timed out or cancelled): jobs delivered to it after this go back. */
  removePoller(poller: Poller): void {
    poller.closed = true;
    this.detachPoller(poller);
  }

  /** A poller that is being served leaves the queue without being closed: it still expects its jobs. */
  detachPoller(poller: Poller): void {
    const list = this.pollers.get(poller.request.type)?.filter((p) => p !== poller) ?? [];
    if (list.length) this.pollers.set(poller.request.type, list);
    else this.pollers.delete(poller.request.type);
  }

  addStream(stream: Stream): void {
    const list = this.streams.get(stream.request.type) ?? [];
    list.push(stream);
    this.streams.set(stream.request.type, list);
  }

  removeStream(stream: Stream): void {
    stream.closed = true;
    const list = this.streams.get(stream.request.type)?.filter((s) => s !== stream) ?? [];
    if (list.length) this.streams.set(stream.request.type, list);
    else this.streams.delete(stream.request.type);
  }

  /**
   * The next open stream of a type with room for a job, in turn, so that streams share the work. `unfinished`
   * tells whether a job pushed earlier is still being worked on.
   */
  nextStream(type: string, unfinished: (jobKey: number) => boolean): Stream | undefined {
    const list = this.streams.get(type)?.filter((s) => !s.closed && hasRoom(s, unfinished));
    if (!list?.length) return undefined;
    const turn = (this.streamTurn.get(type) ?? 0) % list.length;
    this.streamTurn.set(type, turn + 1);
    return list[turn];
  }

  nextPoller(type: string): Poller | undefined {
    return this.pollers.get(type)?.find((p) => !p.closed);
  }

  waitingTypes(): string[] {
    return [...new Set([...this.pollers.keys(), ...this.streams.keys()])];
  }
}

function hasRoom(stream: Stream, unfinished: (jobKey: number) => boolean): boolean {
  stream.pushed ??= new Set();
  if (stream.pushed.size < STREAM_CAPACITY) return true;
  for (const jobKey of stream.pushed) if (!unfinished(jobKey)) stream.pushed.delete(jobKey);
  return stream.pushed.size < STREAM_CAPACITY;
}
