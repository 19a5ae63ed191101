import type { ActivatedJob } from '../../../engine-api';

/** One activated job in the REST shape: keys as strings, headers and variables as JSON objects. */
export function toRestJob(job: ActivatedJob) {
  return {
    jobKey: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    processDefinitionId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: String(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: job.customHeaders,
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline,
    variables: job.variables,
    tenantId: job.tenantId,
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
  };
}

export const toActivateJobsResponse = (jobs: ActivatedJob[]) => ({ jobs: jobs.map(toRestJob) });
