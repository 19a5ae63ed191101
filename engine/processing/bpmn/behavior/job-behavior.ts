import { evaluateValue } from '../../../feel/feel-evaluator';
import type { ExecutableElement, JobDefinition } from '../../../model/executable-model';
import type { ElementInstance, Job } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { visibleVariables } from './variable-behavior';

export type JobExpressions = { ok: true; type: string; retries: number } | { ok: false; message: string };

/** Evaluates the job type and retries of a job-based element (on activation, after input mappings) or listener. */
export function evaluateJobDefinition(
  ctx: BpmnContext,
  instance: ElementInstance,
  job: Pick<JobDefinition, 'type' | 'retries'>,
): JobExpressions {
  const needsContext = job.type.kind === 'expression' || job.retries.kind === 'expression';
  const variables = needsContext ? visibleVariables(ctx, instance.key) : {};
  const type = evaluateValue(job.type, variables, 'STRING');
  if (!type.ok) return type;
  if (String(type.value).trim() === '')
    return { ok: false, message: 'Expected a non-blank job type, but it was blank' };
  const retries = evaluateValue(job.retries, variables, 'NUMBER');
  if (!retries.ok) return retries;
  return { ok: true, type: String(type.value), retries: Math.trunc(Number(retries.value)) };
}

export function createJob(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  type: string,
  retries: number,
  key: number,
  /** headers evaluated at activation, over the model's static ones */
  extraHeaders: Record<string, string> = {},
  /** a listener's job: its kind, event type and position */
  listener?: Pick<Job, 'kind' | 'listenerEventType' | 'listenerIndex'>,
): void {
  const job: Omit<Job, 'key' | 'state'> = {
    type,
    retries,
    worker: '',
    deadline: 0,
    recurringAt: 0,
    errorMessage: '',
    customHeaders: { ...(element.job?.headers ?? {}), ...extraHeaders },
    elementId: instance.elementId,
    elementInstanceKey: instance.key,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionVersion: instance.version,
    tenantId: instance.tenantId,
    ...listener,
  };
  ctx.writer.append('JOB', 'CREATED', key, job);
  ctx.effects.jobTypesAvailable.add(type);
}

/** A job whose element is left goes with it. */
export function cancelJob(ctx: BpmnContext, jobKey: number | undefined): void {
  if (jobKey === undefined) return;
  const job = ctx.state.jobs.get(jobKey);
  if (job) ctx.writer.append('JOB', 'CANCELED', jobKey, job);
}
