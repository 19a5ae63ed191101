/**
 * What every work-order worker reads from its job — the order number (businessKey) and a few typed variables —
 * and how it ends a job that went wrong: retried with back-off, an incident once the retries are used up.
 */
import { logger } from '../../lib/logger/logger';
import type { JobDone, WorkerJob } from '../worker-definition';

type Acknowledged = Awaited<JobDone>;

const log = logger('work-orders');

export function orderNoOf(job: WorkerJob): string {
  const value = job.variables.businessKey;
  if (typeof value !== 'string' || value === '') throw new Error(`missing variable businessKey (${job.type})`);
  return value;
}

export function textVariable(job: WorkerJob, name: string): string | null {
  const value = job.variables[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function objectVariable(job: WorkerJob, name: string): Record<string, unknown> {
  const value = job.variables[name];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export async function runOrderJob(job: WorkerJob, handler: () => Promise<Acknowledged>): Promise<Acknowledged> {
  try {
    return await handler();
  } catch (error) {
    log.warn('work-order job failed', { type: job.type, key: job.key, error: String(error) });
    return job.fail({ errorMessage: String(error), retries: Math.max(job.retries - 1, 0), retryBackOff: 2_000 });
  }
}
