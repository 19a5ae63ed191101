/**
 * A job worker: the job type it serves and its handler. Handlers must end every job (complete, fail or throw a
 * BPMN error) — the SDK's return type demands it — and must be idempotent: a job can be delivered twice.
 */
import type { JobDone, WorkerJob } from '../lib/camunda/job-types';
import type { DomainServices } from '../domain/domain-services';

/** What a handler is given besides its job: the services the domain's use cases take. */
export type WorkerContext = DomainServices;

export type { JobDone, WorkerJob };

export interface WorkerDefinition {
  taskType: string;
  /** How long a job stays locked to this worker (ms); defaults to 60 s. */
  timeoutMs?: number;
  handle(job: WorkerJob, context: WorkerContext): JobDone;
  /**
   * What the modeler's element template for this job type offers (domain/modeling/job-type-templates.ts): the
   * variables the worker reads (input mappings), those it completes with (output mappings: only when the list is
   * all it returns, since output mappings stop the rest from reaching the process) and the task headers it needs.
   */
  variables?: { inputs?: string[]; outputs?: string[]; headers?: string[] };
}
