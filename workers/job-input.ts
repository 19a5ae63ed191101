/**
 * What every worker reads from a job, and how it ends a job whose model is wrong: a missing header or variable, or
 * a decision without the outputs a worker needs, fails the job with no retries left — an incident with a clear
 * message that a manager sees and can retry after the model is fixed — instead of a crash or silent retries.
 */
import { Zeebe } from '@camunda8/sdk';
import { ModelError } from '../lib/errors/model-error';
import type { JobDone, WorkerJob } from './worker-definition';

export { ModelError };

type Acknowledged = Awaited<JobDone>;

export function requireHeader(job: WorkerJob, name: string): string {
  const value = job.customHeaders[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new ModelError(`缺少任务头 ${name} / missing task header "${name}" (${job.type})`);
  return value.trim();
}

/** Every process carries `businessKey`, the case number (application or work-order number). */
export function requireBusinessKey(job: WorkerJob): string {
  const value = job.variables.businessKey;
  if (typeof value !== 'string' || value === '')
    throw new ModelError(`缺少流程变量 businessKey（案件编号）/ missing process variable "businessKey" (${job.type})`);
  return value;
}

/**
 * The engine's answer when a job is gone before the worker ended it: its element was terminated (an interrupting
 * event, a cancelled case) or a redelivery already ended it. Nothing is left to do; failing it would only fail too.
 */
const JOB_GONE = /^5 NOT_FOUND: Expected to (complete|fail|throw an error for) job/;

/** Runs a handler; a model error becomes an incident at once, anything else a retry with back-off. */
export async function runJob(job: WorkerJob, handler: () => Promise<Acknowledged>): Promise<Acknowledged> {
  try {
    return await handler();
  } catch (error) {
    if (JOB_GONE.test(String((error as Error)?.message))) return Zeebe.Types.JOB_ACTION_ACKNOWLEDGEMENT;
    if (error instanceof ModelError || error instanceof RangeError)
      return job.fail({ errorMessage: error.message, retries: 0 });
    return job.fail({ errorMessage: String(error), retries: Math.max(job.retries - 1, 0), retryBackOff: 5_000 });
  }
}
