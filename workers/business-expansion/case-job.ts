/**
 * What every 业扩 worker reads from a job: the case number (businessKey), text variables with their fallbacks and
 * headers with {variable} placeholders. Job failures follow the shared rule of workers/job-input.ts.
 */
import type { WorkerJob } from '../worker-definition';

export { ModelError, requireBusinessKey, requireHeader, runJob } from '../job-input';

/** A text variable of the job, or the fallback when the process has none (e.g. a three-zero case's scheme). */
export function textVariable(job: WorkerJob, name: string, fallback: string): string {
  const value = job.variables[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

/** `{name}` placeholders filled from the job's variables (missing ones left empty). */
export function fillPlaceholders(template: string, variables: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = variables[name];
    return value === undefined || value === null ? '' : String(value);
  });
}
