/**
 * ActivateJobs (long polling, one or a few responses, then the end) and StreamActivatedJobs (job push until the
 * client cancels). A cancelled call aborts the long poll or closes the engine's job stream.
 */
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { JobStream } from '../../../engine-api';
import { toGrpcError } from '../error-mapper';
import { toActivateJobsRequest, toJobStreamRequest } from '../job-request-mapper';
import type * as proto from '../proto-types';
import { toActivatedJob } from '../response-mapper';
import { failStream, preferUncompressed } from '../rpc-call';
import type { HandlerContext, RpcHandlers } from './handler-context';

/** Jobs per ActivateJobs response are capped by size so a response stays below clients' 4 MiB default limit. */
const MAX_RESPONSE_BYTES = 3 * 1024 * 1024;
const JOB_OVERHEAD_BYTES = 512;

type ActivateCall = ServerWritableStream<proto.ActivateJobsRequest, proto.ActivateJobsResponse>;
type StreamCall = ServerWritableStream<proto.StreamActivatedJobsRequest, proto.ActivatedJob>;

export function jobActivationHandlers(ctx: HandlerContext): RpcHandlers {
  return {
    ActivateJobs: (call: ActivateCall) => {
      preferUncompressed(call);
      activateJobs(ctx, call);
    },
    StreamActivatedJobs: (call: StreamCall) => {
      preferUncompressed(call);
      streamActivatedJobs(ctx, call);
    },
  };
}

function activateJobs({ engine, log, streams }: HandlerContext, call: ActivateCall): void {
  const abort = new AbortController();
  const stopPolling = () => abort.abort();
  call.on('cancelled', stopPolling);
  const unregister = streams.add(stopPolling);
  Promise.resolve()
    .then(() => engine.activateJobs(toActivateJobsRequest(call.request), abort.signal))
    .then(
      (jobs) => {
        if (call.cancelled) return;
        for (const batch of toBatches(jobs.map(toActivatedJob))) call.write({ jobs: batch });
        call.end();
      },
      (err: unknown) => {
        if (abort.signal.aborted) {
          if (!call.cancelled) call.end();
        } else {
          failStream(call, toGrpcError(err, 'ActivateJobs', log));
        }
      },
    )
    .finally(unregister);
}

function streamActivatedJobs({ engine, log, streams }: HandlerContext, call: StreamCall): void {
  let jobStream: JobStream | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unregister();
    jobStream?.close();
    if (!call.cancelled && !call.writableEnded) call.end();
  };
  const unregister = streams.add(close);
  try {
    jobStream = engine.openJobStream(toJobStreamRequest(call.request), (job) => {
      if (closed || call.cancelled || call.destroyed || call.writableEnded) return false;
      call.write(toActivatedJob(job));
      return true;
    });
  } catch (err) {
    closed = true;
    unregister();
    failStream(call, toGrpcError(err, 'StreamActivatedJobs', log));
    return;
  }
  if (call.cancelled) close();
  call.on('cancelled', close);
  call.on('close', close);
  call.on('error', close);
}

function toBatches(jobs: proto.ActivatedJob[]): proto.ActivatedJob[][] {
  const batches: proto.ActivatedJob[][] = [];
  let current: proto.ActivatedJob[] = [];
  let size = 0;
  for (const job of jobs) {
    const jobSize = Buffer.byteLength(job.variables) + Buffer.byteLength(job.customHeaders) + JOB_OVERHEAD_BYTES;
    if (current.length > 0 && size + jobSize > MAX_RESPONSE_BYTES) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(job);
    size += jobSize;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
