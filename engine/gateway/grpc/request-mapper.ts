/** Deployment, process instance, variable, incident and resource requests → EngineApi arguments. */
import type { AwaitOptions, CreateInstanceRequest, ResourceInput } from '../../engine-api';
import { invalidArgument } from '../../errors';
import type * as proto from './proto-types';
import { checkTenant, parseInt64, parseJsonField, parseKey } from './wire-values';

export function toDeployResourceArgs(req: proto.DeployResourceRequest): [ResourceInput[], string] {
  const tenantId = checkTenant(req.tenantId, 'DeployResource');
  return [toResources((req.resources ?? []).map((r) => [r.name, r.content])), tenantId];
}

export function toDeployProcessArgs(req: proto.DeployProcessRequest): [ResourceInput[], string] {
  return [toResources((req.processes ?? []).map((p) => [p.name, p.definition])), checkTenant('', 'DeployProcess')];
}

function toResources(entries: Array<[string | undefined, Buffer | undefined]>): ResourceInput[] {
  if (entries.length === 0) {
    throw invalidArgument('Expected to deploy at least one resource, but none given');
  }
  return entries.map(([name, content]) => ({ name: name ?? '', content: Buffer.from(content ?? []) }));
}

export function toCreateInstanceRequest(
  req: proto.CreateProcessInstanceRequest,
  rpc = 'CreateProcessInstance',
): CreateInstanceRequest {
  const tenantId = checkTenant(req.tenantId, rpc);
  const processDefinitionKey = parseKey(req.processDefinitionKey, 'processDefinitionKey');
  const bpmnProcessId = req.bpmnProcessId ?? '';
  if (processDefinitionKey <= 0 && bpmnProcessId.trim() === '') {
    throw invalidArgument(`Expected ${rpc} to name a processDefinitionKey or a bpmnProcessId, but neither was given`);
  }
  const version = req.version ?? 0;
  return {
    ...(processDefinitionKey > 0 ? { processDefinitionKey } : { bpmnProcessId }),
    // proto3 cannot tell an unset version from 0, and no process has version 0: both mean the latest.
    version: version > 0 ? version : -1,
    variables: parseJsonField(req.variables, 'variables'),
    startInstructions: (req.startInstructions ?? []).map((s) => ({ elementId: s.elementId })),
    tenantId,
  };
}

export function toCreateInstanceWithResultArgs(
  req: proto.CreateProcessInstanceWithResultRequest,
): [CreateInstanceRequest, AwaitOptions] {
  const rpc = 'CreateProcessInstanceWithResult';
  if (!req.request) {
    throw invalidArgument(`Expected ${rpc} to carry a request, but none was given`);
  }
  return [
    toCreateInstanceRequest(req.request, rpc),
    { requestTimeout: parseInt64(req.requestTimeout, 'requestTimeout'), fetchVariables: req.fetchVariables ?? [] },
  ];
}

export function toSetVariablesArgs(
  req: proto.SetVariablesRequest,
): [elementInstanceKey: number, variables: unknown, local: boolean] {
  return [
    parseKey(req.elementInstanceKey, 'elementInstanceKey'),
    // As in Zeebe, an empty document means no variables rather than a malformed one.
    parseJsonField(req.variables, 'variables') ?? {},
    req.local ?? false,
  ];
}

export const toProcessInstanceKey = (req: proto.CancelProcessInstanceRequest): number =>
  parseKey(req.processInstanceKey, 'processInstanceKey');

export const toIncidentKey = (req: proto.ResolveIncidentRequest): number => parseKey(req.incidentKey, 'incidentKey');

export const toResourceKey = (req: proto.DeleteResourceRequest): number => parseKey(req.resourceKey, 'resourceKey');
