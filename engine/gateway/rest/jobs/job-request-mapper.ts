import type { ActivateJobsRequest, FailJobRequest, JobResult, ThrowErrorRequest } from '../../../engine-api';
import { EngineError, invalidArgument } from '../../../errors';
import {
  bodyObject,
  optionalBoolean,
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

/**
 * POST /v2/jobs/{jobKey}/completion: `variables`, and for a task listener's job a `result` of type userTask that
 * denies the transition or corrects the task's fields. Ad-hoc subprocess results are not supported.
 */
export function toCompleteJob(rawBody: unknown): { variables: unknown; result?: JobResult } {
  const body = bodyObject(rawBody);
  const result = optionalObject(body, 'result');
  return { variables: optionalVariables(body), result: result && toJobResult(result) };
}

function toJobResult(result: Record<string, unknown>): JobResult {
  const type = optionalString(result, 'type') ?? 'userTask';
  if (type !== 'userTask') {
    throw new EngineError('UNIMPLEMENTED', `Job results of type '${type}' (ad-hoc subprocesses) are not supported.`);
  }
  const corrections = optionalObject(result, 'corrections');
  return {
    denied: optionalBoolean(result, 'denied') ?? false,
    deniedReason: optionalString(result, 'deniedReason'),
    corrections: corrections && toCorrections(corrections),
  };
}

/** The corrections a task listener may make; a field left out or null keeps its value. */
function toCorrections(corrections: Record<string, unknown>): NonNullable<JobResult['corrections']> {
  const dates = Object.fromEntries(
    (['dueDate', 'followUpDate'] as const).map((name) => {
      const value = optionalString(corrections, name);
      if (value && Number.isNaN(Date.parse(value))) {
        throw invalidArgument(`The correction '${name}' must be an ISO 8601 date-time or empty, got '${value}'.`);
      }
      return [name, value];
    }),
  );
  const priority = optionalInteger(corrections, 'priority', 0);
  if (priority !== undefined && priority > 100) {
    throw invalidArgument(`The correction 'priority' must be from 0 to 100, got ${priority}.`);
  }
  const all = {
    assignee: optionalString(corrections, 'assignee'),
    candidateGroups: optionalStringArray(corrections, 'candidateGroups'),
    candidateUsers: optionalStringArray(corrections, 'candidateUsers'),
    ...dates,
    priority,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
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
