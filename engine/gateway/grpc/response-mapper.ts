/** Engine results → gateway_protocol responses: keys as int64 strings, variables and headers as JSON strings. */
import type {
  ActivatedJob,
  BrokerTopology,
  CreatedInstance,
  DeploymentResult,
  DeployedProcess,
  InstanceResult,
} from '../../engine-api';
import type * as proto from './proto-types';
import { formatInt64 } from './wire-values';

export function toProcessMetadata(p: DeployedProcess): proto.ProcessMetadata {
  return {
    bpmnProcessId: p.bpmnProcessId,
    version: p.version,
    processDefinitionKey: formatInt64(p.processDefinitionKey),
    resourceName: p.resourceName,
    tenantId: p.tenantId,
  };
}

/**
 * Decision, DRG and form metadata come from later parts of the engine with the proto's field names; numbers in
 * key fields are rendered as int64 strings and everything else is passed through.
 */
function toMetadata(item: unknown): object {
  const entries = Object.entries((item ?? {}) as Record<string, unknown>).map(([name, value]) => [
    name,
    /Key$/.test(name) && typeof value === 'number' ? formatInt64(value) : value,
  ]);
  return Object.fromEntries(entries) as object;
}

export function toDeployResourceResponse(result: DeploymentResult): proto.DeployResourceResponse {
  return {
    key: formatInt64(result.deploymentKey),
    tenantId: result.tenantId,
    deployments: [
      ...result.processes.map((p) => ({ process: toProcessMetadata(p) })),
      ...result.decisions.map((d) => ({ decision: toMetadata(d) })),
      ...result.decisionRequirements.map((d) => ({ decisionRequirements: toMetadata(d) })),
      ...result.forms.map((f) => ({ form: toMetadata(f) })),
    ],
  };
}

export function toDeployProcessResponse(result: DeploymentResult): proto.DeployProcessResponse {
  return { key: formatInt64(result.deploymentKey), processes: result.processes.map(toProcessMetadata) };
}

export function toCreateInstanceResponse(created: CreatedInstance): proto.CreateProcessInstanceResponse {
  return {
    processDefinitionKey: formatInt64(created.processDefinitionKey),
    bpmnProcessId: created.bpmnProcessId,
    version: created.version,
    processInstanceKey: formatInt64(created.processInstanceKey),
    tenantId: created.tenantId,
  };
}

export function toCreateInstanceWithResultResponse(
  result: InstanceResult,
): proto.CreateProcessInstanceWithResultResponse {
  return { ...toCreateInstanceResponse(result), variables: JSON.stringify(result.variables ?? {}) };
}

export function toActivatedJob(job: ActivatedJob): proto.ActivatedJob {
  return {
    key: formatInt64(job.key),
    type: job.type,
    processInstanceKey: formatInt64(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: formatInt64(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: formatInt64(job.elementInstanceKey),
    customHeaders: JSON.stringify(job.customHeaders ?? {}),
    worker: job.worker,
    retries: job.retries,
    deadline: formatInt64(job.deadline),
    variables: JSON.stringify(job.variables ?? {}),
    tenantId: job.tenantId,
  };
}

export function toTopologyResponse(topology: BrokerTopology): proto.TopologyResponse {
  return {
    brokers: topology.brokers.map((b) => ({
      nodeId: b.nodeId,
      host: b.host,
      port: b.port,
      version: b.version,
      partitions: b.partitions.map((p) => ({ partitionId: p.partitionId, role: p.role, health: p.health })),
    })),
    clusterSize: topology.clusterSize,
    partitionsCount: topology.partitionsCount,
    replicationFactor: topology.replicationFactor,
    gatewayVersion: topology.gatewayVersion,
  };
}
