/**
 * The engine's public, transport-neutral API. The gRPC and REST adapters call only this; keys are 64-bit
 * integers that fit in a JS number (partition bits included) and are rendered as strings on the wire.
 */
import type { QueryApi } from './query/query-api';

export const DEFAULT_TENANT = '<default>';

export type Variables = Record<string, unknown>;

export interface ResourceInput {
  name: string;
  content: Buffer;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: number;
  resourceName: string;
  tenantId: string;
}

export interface DeploymentResult {
  deploymentKey: number;
  tenantId: string;
  processes: DeployedProcess[];
  /** Filled by later parts (DMN, forms); kept in the reply order processes, decisions, DRGs, forms. */
  decisions: unknown[];
  decisionRequirements: unknown[];
  forms: unknown[];
}

export interface StartInstruction {
  elementId: string;
}

export interface CreateInstanceRequest {
  bpmnProcessId?: string;
  /** -1 or undefined: latest. */
  version?: number;
  processDefinitionKey?: number;
  variables?: unknown;
  startInstructions?: StartInstruction[];
  tenantId?: string;
}

export interface CreatedInstance {
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: number;
  tenantId: string;
}

export interface InstanceResult extends CreatedInstance {
  variables: Variables;
}

export interface AwaitOptions {
  /** ms; 0 or undefined: the engine's default. */
  requestTimeout?: number;
  fetchVariables?: string[];
}

export interface ActivatedJob {
  key: number;
  type: string;
  processInstanceKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: number;
  elementId: string;
  elementInstanceKey: number;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** epoch ms */
  deadline: number;
  variables: Variables;
  tenantId: string;
  /** BPMN_ELEMENT, EXECUTION_LISTENER or TASK_LISTENER */
  kind: string;
  /** START / END for execution listeners, the user-task event for task listeners, else UNSPECIFIED */
  listenerEventType: string;
}

/** A task listener's job result (REST `result`, type userTask). */
export interface JobResult {
  denied: boolean;
  deniedReason?: string;
  /** The fields to correct; a field left out keeps its value, '' or [] clears it. */
  corrections?: Partial<{
    assignee: string;
    candidateGroups: string[];
    candidateUsers: string[];
    dueDate: string;
    followUpDate: string;
    priority: number;
  }>;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  /** ms */
  timeout: number;
  maxJobsToActivate: number;
  fetchVariable?: string[];
  /** ms; 0: default long-polling timeout; negative: answer at once. */
  requestTimeout?: number;
  tenantIds?: string[];
}

export interface JobStreamRequest {
  type: string;
  worker: string;
  timeout: number;
  fetchVariable?: string[];
  tenantIds?: string[];
}

export interface JobStream {
  close(): void;
}

export interface FailJobRequest {
  jobKey: number;
  retries: number;
  errorMessage?: string;
  /** ms */
  retryBackOff?: number;
  variables?: unknown;
}

export interface ThrowErrorRequest {
  jobKey: number;
  errorCode: string;
  errorMessage?: string;
  variables?: unknown;
}

export interface BrokerTopology {
  brokers: Array<{
    nodeId: number;
    host: string;
    port: number;
    version: string;
    partitions: Array<{ partitionId: number; role: 'LEADER'; health: 'HEALTHY' }>;
  }>;
  clusterSize: number;
  partitionsCount: number;
  replicationFactor: number;
  gatewayVersion: string;
}

export interface PublishMessageInput {
  name: string;
  correlationKey?: string;
  /** ms; 0 or undefined: correlate now or never */
  timeToLive?: number;
  messageId?: string;
  variables?: unknown;
  tenantId?: string;
}

/** An open user task as the engine's live state holds it (history is in the query API). */
export interface UserTaskView {
  userTaskKey: number;
  /** The BPMN element's name, else its id. */
  name: string;
  state: string;
  elementId: string;
  elementInstanceKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  tenantId: string;
  assignee: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string;
  followUpDate: string;
  priority: number;
  formKey: number;
  externalFormReference: string;
  creationDate: number;
}

export interface UserTaskChangeset {
  dueDate?: string;
  followUpDate?: string;
  candidateGroups?: string[];
  candidateUsers?: string[];
  priority?: number;
}

export interface EvaluateDecisionInput {
  /** The latest version of this decision id, unless a decisionKey names one version. */
  decisionId?: string;
  decisionKey?: number;
  variables?: unknown;
  tenantId?: string;
}

export interface EvaluatedDecisionView {
  decisionKey: number;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionType: string;
  decisionOutput: unknown;
  matchedRules: Array<{
    ruleId: string;
    ruleIndex: number;
    evaluatedOutputs: Array<{ outputId: string; outputName: string; outputValue: unknown }>;
  }>;
  evaluatedInputs: Array<{ inputId: string; inputName: string; inputValue: unknown }>;
  tenantId: string;
}

/** The outcome of a decision evaluation, kept as a decision instance. A failure is an outcome, not an error. */
export interface DecisionResult {
  decisionInstanceKey: number;
  decisionKey: number;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionRequirementsId: string;
  decisionRequirementsKey: number;
  decisionOutput: unknown;
  evaluatedDecisions: EvaluatedDecisionView[];
  /** '' when the evaluation succeeded */
  failedDecisionId: string;
  failureMessage: string;
  tenantId: string;
}

export interface ModifyInstanceInput {
  processInstanceKey: number;
  activate: Array<{
    elementId: string;
    /** 0 or undefined: the flow scope is found (it must have exactly one active instance) */
    ancestorElementInstanceKey?: number;
    /** scopeId '' (or the process id): the root scope; else the active instance of that flow-scope element */
    variables?: Array<{ scopeId: string; variables: unknown }>;
  }>;
  terminate: number[];
}

export interface MigrateInstanceInput {
  processInstanceKey: number;
  targetProcessDefinitionKey: number;
  mappings: Array<{ sourceElementId: string; targetElementId: string }>;
}

export interface DeployedResource {
  resourceKey: number;
  resourceName: string;
  /** the BPMN process id, DMN definitions id or form id */
  resourceId: string;
  version: number;
  tenantId: string;
  deploymentKey: number;
  content: string;
}

export interface EngineApi {
  /** Searches and gets over the query projections (REST v2 search endpoints); absent in engines without them. */
  readonly query?: QueryApi;
  topology(): BrokerTopology;
  deployResources(resources: ResourceInput[], tenantId?: string): Promise<DeploymentResult>;
  deleteResource(resourceKey: number): Promise<void>;
  createProcessInstance(req: CreateInstanceRequest): Promise<CreatedInstance>;
  createProcessInstanceWithResult(req: CreateInstanceRequest, opts: AwaitOptions): Promise<InstanceResult>;
  cancelProcessInstance(processInstanceKey: number): Promise<void>;
  /** Returns the key of the variable-document command. */
  setVariables(elementInstanceKey: number, variables: unknown, local: boolean): Promise<number>;
  /** Long polling: resolves when jobs are activated or the request times out (then with []). */
  activateJobs(req: ActivateJobsRequest, abort?: AbortSignal): Promise<ActivatedJob[]>;
  /** Push: `push` receives each activated job; return false when the receiver cannot take it. */
  openJobStream(req: JobStreamRequest, push: (job: ActivatedJob) => boolean): JobStream;
  /** `result`: a task listener's denial or corrections. */
  completeJob(jobKey: number, variables?: unknown, result?: JobResult): Promise<void>;
  failJob(req: FailJobRequest): Promise<void>;
  throwError(req: ThrowErrorRequest): Promise<void>;
  updateJobRetries(jobKey: number, retries: number): Promise<void>;
  /** timeout in ms from now. */
  updateJobTimeout(jobKey: number, timeout: number): Promise<void>;
  resolveIncident(incidentKey: number): Promise<void>;
  /** Returns the message key. ALREADY_EXISTS for a messageId still buffered. */
  publishMessage(input: PublishMessageInput): Promise<{ key: number }>;
  /** Correlates now (never buffered); NOT_FOUND when nothing takes it. */
  correlateMessage(
    input: Omit<PublishMessageInput, 'timeToLive' | 'messageId'>,
  ): Promise<{ key: number; processInstanceKey: number }>;
  /** Assigns (or with '' unassigns) an open user task; without allowOverride an assigned task keeps its assignee. */
  assignUserTask(userTaskKey: number, assignee: string, allowOverride?: boolean, action?: string): Promise<void>;
  updateUserTask(userTaskKey: number, changeset: UserTaskChangeset, action?: string): Promise<void>;
  completeUserTask(userTaskKey: number, variables?: unknown, action?: string): Promise<void>;
  /** An open user task; NOT_FOUND for unknown or already completed ones (until the query API keeps history). */
  getUserTask(userTaskKey: number): UserTaskView;
  /** A deployed resource (process definition, decision requirements or form) with its content. */
  getResource(resourceKey: number): DeployedResource;
  /**
   * The start form of a process definition (its none start event's linked form, the latest version of the form
   * id); undefined when the process has none. NOT_FOUND for an unknown definition or a linked form not deployed.
   */
  getStartForm(
    processDefinitionKey: number,
  ): { formKey: number; formId: string; version: number; schema: string; tenantId: string } | undefined;
  /** A deployed form's schema (Camunda Forms JSON) by form key. */
  getForm(formKey: number): { formKey: number; formId: string; version: number; schema: string; tenantId: string };
  /** ModifyProcessInstance: activates elements and terminates element instances of a running instance. */
  modifyProcessInstance(input: ModifyInstanceInput): Promise<void>;
  /** MigrateProcessInstance: moves a running instance to another definition (active service and user tasks only). */
  migrateProcessInstance(input: MigrateInstanceInput): Promise<void>;
  /** Evaluates a deployed decision (EvaluateDecision); NOT_FOUND for an unknown decision id or key. */
  evaluateDecision(input: EvaluateDecisionInput): Promise<DecisionResult>;
  /** Returns the signal key. */
  broadcastSignal(name: string, variables?: unknown, tenantId?: string): Promise<{ key: number }>;
  /** The engine clock: epoch ms. */
  now(): number;
  pinClock(epochMs: number): Promise<void>;
  resetClock(): Promise<void>;
}
