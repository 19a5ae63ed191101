/**
 * The shapes of the gateway_protocol messages this adapter reads and writes, as @grpc/proto-loader decodes them
 * with { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true }: field names exactly as in
 * zeebe.proto (already camelCase there), int64 as decimal strings, unset scalars as their defaults.
 */
export type Int64 = string;

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  timeout: Int64;
  maxJobsToActivate: number;
  fetchVariable: string[];
  requestTimeout: Int64;
  tenantIds: string[];
}

export interface StreamActivatedJobsRequest {
  type: string;
  worker: string;
  timeout: Int64;
  fetchVariable: string[];
  tenantIds: string[];
}

export interface ActivatedJob {
  key: Int64;
  type: string;
  processInstanceKey: Int64;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Int64;
  elementId: string;
  elementInstanceKey: Int64;
  customHeaders: string;
  worker: string;
  retries: number;
  deadline: Int64;
  variables: string;
  tenantId: string;
}

export interface ActivateJobsResponse {
  jobs: ActivatedJob[];
}

export interface CompleteJobRequest {
  jobKey: Int64;
  variables: string;
}

export interface FailJobRequest {
  jobKey: Int64;
  retries: number;
  errorMessage: string;
  retryBackOff: Int64;
  variables: string;
}

export interface ThrowErrorRequest {
  jobKey: Int64;
  errorCode: string;
  errorMessage: string;
  variables: string;
}

export interface UpdateJobRetriesRequest {
  jobKey: Int64;
  retries: number;
}

export interface UpdateJobTimeoutRequest {
  jobKey: Int64;
  timeout: Int64;
}

export interface CreateProcessInstanceRequest {
  processDefinitionKey: Int64;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: Array<{ elementId: string }>;
  tenantId: string;
}

export interface CreateProcessInstanceWithResultRequest {
  request: CreateProcessInstanceRequest | null;
  requestTimeout: Int64;
  fetchVariables: string[];
}

export interface CreateProcessInstanceResponse {
  processDefinitionKey: Int64;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Int64;
  tenantId: string;
}

export interface CreateProcessInstanceWithResultResponse extends CreateProcessInstanceResponse {
  variables: string;
}

export interface CancelProcessInstanceRequest {
  processInstanceKey: Int64;
}

export interface SetVariablesRequest {
  elementInstanceKey: Int64;
  variables: string;
  local: boolean;
}

export interface ResolveIncidentRequest {
  incidentKey: Int64;
}

export interface DeleteResourceRequest {
  resourceKey: Int64;
}

export interface DeployResourceRequest {
  resources: Array<{ name: string; content: Buffer }>;
  tenantId: string;
}

export interface DeployProcessRequest {
  processes: Array<{ name: string; definition: Buffer }>;
}

export interface ProcessMetadata {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Int64;
  resourceName: string;
  tenantId: string;
}

/** One member of the Deployment `Metadata` oneof; the adapter passes non-process metadata through as given. */
export type Deployment =
  { process: ProcessMetadata } | { decision: object } | { decisionRequirements: object } | { form: object };

export interface DeployResourceResponse {
  key: Int64;
  deployments: Deployment[];
  tenantId: string;
}

export interface DeployProcessResponse {
  key: Int64;
  processes: ProcessMetadata[];
}

export interface TopologyResponse {
  brokers: Array<{
    nodeId: number;
    host: string;
    port: number;
    version: string;
    partitions: Array<{ partitionId: number; role: string; health: string }>;
  }>;
  clusterSize: number;
  partitionsCount: number;
  replicationFactor: number;
  gatewayVersion: string;
}

export type Empty = Record<string, never>;

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  timeToLive: Int64;
  messageId: string;
  variables: string;
  tenantId: string;
}

export interface BroadcastSignalRequest {
  signalName: string;
  variables: string;
  tenantId: string;
}

export interface KeyWithTenant {
  key: Int64;
  tenantId: string;
}

export interface EvaluateDecisionRequest {
  decisionKey: Int64;
  decisionId: string;
  variables: string;
  tenantId: string;
}

export interface ModifyProcessInstanceRequest {
  processInstanceKey: Int64;
  activateInstructions: Array<{
    elementId: string;
    ancestorElementInstanceKey: Int64;
    variableInstructions: Array<{ variables: string; scopeId: string }>;
  }>;
  terminateInstructions: Array<{ elementInstanceKey: Int64 }>;
}

export interface MigrateProcessInstanceRequest {
  processInstanceKey: Int64;
  migrationPlan: {
    targetProcessDefinitionKey: Int64;
    mappingInstructions: Array<{ sourceElementId: string; targetElementId: string }>;
  } | null;
}
