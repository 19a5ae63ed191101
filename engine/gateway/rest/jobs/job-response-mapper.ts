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
    kind: job.kind,
    listenerEventType: job.listenerEventType,
    ...(job.kind === 'TASK_LISTENER' ? { userTask: userTaskProperties(job.customHeaders) } : {}),
  };
}

/** A task listener job's user task (REST UserTaskProperties), from the reserved headers it was created with. */
function userTaskProperties(headers: Record<string, string>) {
  const header = (name: string): string | undefined => headers[`io.camunda.zeebe:${name}`];
  const list = (name: string): string[] => JSON.parse(header(name) ?? '[]') as string[];
  return {
    action: header('action') ?? '',
    assignee: header('assignee') ?? null,
    candidateGroups: list('candidateGroups'),
    candidateUsers: list('candidateUsers'),
    changedAttributes: list('changedAttributes'),
    dueDate: header('dueDate') ?? null,
    followUpDate: header('followUpDate') ?? null,
    formKey: header('formKey') ?? null,
    priority: Number(header('priority') ?? 50),
    userTaskKey: header('userTaskKey') ?? null,
  };
}

export const toActivateJobsResponse = (jobs: ActivatedJob[]) => ({ jobs: jobs.map(toRestJob) });
