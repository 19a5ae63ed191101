/** Job RPC requests → EngineApi arguments, validated as docs/zeebe-rules.md §3 asks. */
import type { ActivateJobsRequest, FailJobRequest, JobStreamRequest, ThrowErrorRequest } from '../../engine-api';
import { invalidArgument } from '../../errors';
import type * as proto from './proto-types';
import { checkTenants, parseInt64, parseJsonField, parseKey, requireNonBlank } from './wire-values';

export function toActivateJobsRequest(req: proto.ActivateJobsRequest): ActivateJobsRequest {
  const rpc = 'ActivateJobs';
  const maxJobsToActivate = req.maxJobsToActivate ?? 0;
  if (maxJobsToActivate < 1) {
    throw invalidArgument(`Expected ${rpc} maxJobsToActivate to be greater than zero, but was ${maxJobsToActivate}`);
  }
  return {
    ...toJobStreamRequest(req, rpc),
    maxJobsToActivate,
    requestTimeout: parseInt64(req.requestTimeout, 'requestTimeout'),
  };
}

export function toJobStreamRequest(
  req: proto.StreamActivatedJobsRequest,
  rpc = 'StreamActivatedJobs',
): JobStreamRequest & { tenantIds: string[] } {
  const type = requireNonBlank(req.type, 'type', rpc);
  const worker = requireNonBlank(req.worker, 'worker', rpc);
  const timeout = parseInt64(req.timeout, 'timeout');
  if (timeout < 1) {
    throw invalidArgument(`Expected ${rpc} timeout to be greater than zero, but was ${timeout}`);
  }
  return {
    type,
    worker,
    timeout,
    fetchVariable: req.fetchVariable ?? [],
    tenantIds: checkTenants(req.tenantIds, rpc),
  };
}

export function toCompleteJobArgs(req: proto.CompleteJobRequest): [jobKey: number, variables: unknown] {
  return [parseKey(req.jobKey, 'jobKey'), parseJsonField(req.variables, 'variables')];
}

export function toFailJobRequest(req: proto.FailJobRequest): FailJobRequest {
  return {
    jobKey: parseKey(req.jobKey, 'jobKey'),
    retries: req.retries ?? 0,
    errorMessage: req.errorMessage ?? '',
    retryBackOff: Math.max(0, parseInt64(req.retryBackOff, 'retryBackOff')),
    variables: parseJsonField(req.variables, 'variables'),
  };
}

export function toThrowErrorRequest(req: proto.ThrowErrorRequest): ThrowErrorRequest {
  return {
    jobKey: parseKey(req.jobKey, 'jobKey'),
    errorCode: req.errorCode ?? '',
    errorMessage: req.errorMessage ?? '',
    variables: parseJsonField(req.variables, 'variables'),
  };
}

export function toUpdateJobRetriesArgs(req: proto.UpdateJobRetriesRequest): [jobKey: number, retries: number] {
  const jobKey = parseKey(req.jobKey, 'jobKey');
  const retries = req.retries ?? 0;
  if (retries < 1) {
    throw invalidArgument(`Expected to update job retries with a value greater than zero, but was ${retries}`);
  }
  return [jobKey, retries];
}

export function toUpdateJobTimeoutArgs(req: proto.UpdateJobTimeoutRequest): [jobKey: number, timeout: number] {
  return [parseKey(req.jobKey, 'jobKey'), parseInt64(req.timeout, 'timeout')];
}
