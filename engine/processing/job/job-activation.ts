import type { ActivatedJob } from '../../engine-api';
import type { Job } from '../../state/entities';
import type { BpmnContext } from '../bpmn/bpmn-context';
import { visibleVariables } from '../bpmn/behavior/variable-behavior';

export interface ActivationRequest {
  type: string;
  worker: string;
  timeout: number;
  max: number;
  fetchVariable?: string[];
  /** true when the jobs are pushed to a job stream rather than answering an ActivateJobs call */
  pushed?: boolean;
}

/** Activates up to `max` activatable jobs of a type, oldest first, for one worker, in one JOB_BATCH record. */
export function activateJobs(ctx: BpmnContext, request: ActivationRequest): ActivatedJob[] {
  const keys: number[] = [];
  for (const key of ctx.state.jobs.activatable(request.type)) {
    if (keys.length >= request.max) break;
    keys.push(key);
  }
  if (keys.length === 0) return [];
  const deadline = ctx.now() + request.timeout;
  const jobs: Job[] = keys.map((key) => ({ ...ctx.state.jobs.get(key)!, worker: request.worker, deadline }));
  ctx.writer.append('JOB_BATCH', 'ACTIVATED', ctx.state.keys.next(), {
    type: request.type,
    worker: request.worker,
    timeout: request.timeout,
    maxJobsToActivate: request.max,
    pushed: request.pushed === true,
    jobKeys: keys,
    jobs,
  });
  return jobs.map((job) => toActivatedJob(ctx, job, request.fetchVariable));
}

function toActivatedJob(ctx: BpmnContext, job: Job, fetchVariable?: string[]): ActivatedJob {
  const all = visibleVariables(ctx, job.elementInstanceKey);
  const variables = fetchVariable?.length
    ? Object.fromEntries(fetchVariable.filter((name) => name in all).map((name) => [name, all[name]]))
    : all;
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: job.customHeaders,
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline,
    variables,
    tenantId: job.tenantId,
    kind: job.kind ?? 'BPMN_ELEMENT',
    listenerEventType: job.listenerEventType ?? 'UNSPECIFIED',
  };
}
