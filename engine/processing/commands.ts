import type {
  ActivateJobsRequest,
  CreateInstanceRequest,
  EvaluateDecisionInput,
  FailJobRequest,
  MigrateInstanceInput,
  ModifyInstanceInput,
  ThrowErrorRequest,
  UserTaskChangeset,
  Variables,
} from '../engine-api';
import type { DecisionRequirementsGraph } from '../dmn';
import type { JobResult } from '../engine-api';
import type { ExecutableProcess } from '../model/executable-model';
import type { ResultWaiter } from './instance/result-waiters';
import type { Poller } from './job/job-waiters';
import type { PublishMessageRequest } from './message/publish-message-processor';

/** A deployed resource, already parsed and validated outside the single writer (parsing is asynchronous). */
export interface ParsedResource {
  name: string;
  content: string;
  checksum: string;
  processes: ExecutableProcess[];
  /** A Camunda form resource: its form id (the schema is the content). */
  form?: { formId: string; versionTag?: string };
  /** A DMN resource: its decision requirements graph. */
  drg?: DecisionRequirementsGraph;
}

/** The commands clients (and the engine's scheduler) send to the single writer. */
export type Command =
  | { type: 'DEPLOY'; resources: ParsedResource[]; tenantId: string }
  | { type: 'DELETE_RESOURCE'; resourceKey: number }
  | { type: 'CREATE_INSTANCE'; request: CreateInstanceRequest; variables: Variables; resultWaiter?: ResultWaiter }
  | { type: 'CANCEL_INSTANCE'; processInstanceKey: number }
  | { type: 'SET_VARIABLES'; elementInstanceKey: number; variables: Variables; local: boolean }
  | { type: 'ACTIVATE_JOBS'; request: ActivateJobsRequest; poller: Poller }
  | { type: 'DISPATCH_JOBS' }
  | { type: 'COMPLETE_JOB'; jobKey: number; variables: Variables; result?: JobResult }
  | { type: 'FAIL_JOB'; request: FailJobRequest; variables: Variables }
  | { type: 'THROW_ERROR'; request: ThrowErrorRequest; variables: Variables }
  | { type: 'UPDATE_JOB_RETRIES'; jobKey: number; retries: number }
  | { type: 'UPDATE_JOB_TIMEOUT'; jobKey: number; timeout: number }
  | { type: 'YIELD_JOB'; jobKey: number }
  | { type: 'RESOLVE_INCIDENT'; incidentKey: number }
  | { type: 'TRIGGER_DUE' }
  | { type: 'PIN_CLOCK'; epochMs: number }
  | { type: 'RESET_CLOCK' }
  | { type: 'PUBLISH_MESSAGE'; request: PublishMessageRequest }
  | { type: 'CORRELATE_MESSAGE'; request: Omit<PublishMessageRequest, 'timeToLive' | 'messageId'> }
  | { type: 'BROADCAST_SIGNAL'; name: string; variables: Variables; tenantId: string }
  | { type: 'ASSIGN_USER_TASK'; userTaskKey: number; assignee: string; allowOverride: boolean; action: string }
  | { type: 'UPDATE_USER_TASK'; userTaskKey: number; changeset: UserTaskChangeset; action: string }
  | { type: 'COMPLETE_USER_TASK'; userTaskKey: number; variables: Variables; action: string }
  | { type: 'EVALUATE_DECISION'; input: EvaluateDecisionInput; variables: Variables }
  | { type: 'MODIFY_INSTANCE'; input: ModifyInstanceInput; documents: Variables[][] }
  | { type: 'MIGRATE_INSTANCE'; input: MigrateInstanceInput };
