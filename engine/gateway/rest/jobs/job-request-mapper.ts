import type { ActivateJobsRequest, FailJobRequest, ThrowErrorRequest } from '../../../engine-api';
import { EngineError, invalidArgument } from '../../../errors';
import {
  bodyObject,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  optionalVariables,
  parseKey,
  requiredInteger,
  requiredString,
} from '../request-validation';

const DEFAULT_WORKER = 'default';

/**
 * POST /v2/jobs/activation. `worker` is optional in the REST API while the engine wants a name, so an omitted or
 * blank worker is called 'default' (the Java client's default worker name).
 */
export function toActivateJobsRequest(rawBody: unknown): ActivateJobsRequest {
  const body = bodyObject(rawBody);
  return {
    type: requiredString(body, 'type'),
    worker: optionalString(body, 'worker')?.trim() || DEFAULT_WORKER,
    timeout: requiredInteger(body, 'timeout', 1),
    maxJobsToActivate: requiredInteger(body, 'maxJobsToActivate', 1),
    fetchVariable: optionalStringArray(body, 'fetchVariable'),
    requestTimeout: optionalInteger(body, 'requestTimeout'),
    tenantIds: optionalStringArray(body, 'tenantIds'),
  };
}

export const toJobKey = (param: unknown): number => parseKey(param, 'job key');

/** POST /v2/jobs/{jobKey}/completion: `variables`; a `result` (listener corrections) is not supported. */
export function toCompleteJobVariables(rawBody: unknown): unknown {
  const body = bodyObject(rawBody);
  if (optionalObject(body, 'result') !== undefined) {
    throw new EngineError(
      'UNIMPLEMENTED',
      'Job results (task listener corrections, ad-hoc activations) are not supported.',
    );
  }
  return optionalVariables(body);
}

/** POST /v2/jobs/{jobKey}/failure: retries default to 0, retryBackOff (ms) to 0. */
export function toFailJobRequest(jobKey: number, rawBody: unknown): FailJobRequest {
  const body = bodyObject(rawBody);
  return {
    jobKey,
    retries: optionalInteger(body, 'retries', 0) ?? 0,
    errorMessage: optionalString(body, 'errorMessage'),
    retryBackOff: optionalInteger(body, 'retryBackOff', 0),
    variables: optionalVariables(body),
  };
}

/** POST /v2/jobs/{jobKey}/error: a BPMN error with `errorCode`. */
export function toThrowErrorRequest(jobKey: number, rawBody: unknown): ThrowErrorRequest {
  const body = bodyObject(rawBody);
  return {
    jobKey,
    errorCode: requiredString(body, 'errorCode'),
    errorMessage: optionalString(body, 'errorMessage'),
    variables: optionalVariables(body),
  };
}

export interface JobChangeset {
  retries?: number;
  /** ms from now */
  timeout?: number;
}

/** PATCH /v2/jobs/{jobKey}: `changeset` with at least one of retries and timeout. */
export function toJobChangeset(rawBody: unknown): JobChangeset {
  const changeset = optionalObject(bodyObject(rawBody), 'changeset');
  if (changeset === undefined) throw invalidArgument("The field 'changeset' is required.");
  const retries = optionalInteger(changeset, 'retries', 1);
  const timeout = optionalInteger(changeset, 'timeout', 1);
  if (retries === undefined && timeout === undefined) {
    throw invalidArgument('The changeset must set at least one of [retries, timeout].');
  }
  return { retries, timeout };
}
