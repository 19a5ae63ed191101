/**
 * The job a worker handles and what its handler must return, as @camunda8/sdk defines them for a worker whose
 * variables, headers and outputs are JSON objects. The SDK exports these types only from inside its dist/, so they
 * are read here off the exported `Zeebe.ZBWorker` class: the project names them once.
 */
import type { Zeebe } from '@camunda8/sdk';

type Variables = Record<string, unknown>;
type Headers = Record<string, string>;
type JobHandler = ConstructorParameters<typeof Zeebe.ZBWorker<Variables, Headers, Variables>>[0]['taskHandler'];

export type WorkerJob = Parameters<JobHandler>[0];
/** Every path of a handler ends the job (complete, fail or BPMN error): the SDK's acknowledgement type demands it. */
export type JobDone = ReturnType<JobHandler>;
