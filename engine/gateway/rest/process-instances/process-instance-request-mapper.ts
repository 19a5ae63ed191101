import type { AwaitOptions, CreateInstanceRequest, StartInstruction } from '../../../engine-api';
import { EngineError, invalidArgument } from '../../../errors';
import {
  bodyObject,
  optionalArray,
  optionalBoolean,
  optionalInteger,
  optionalKey,
  optionalString,
  optionalStringArray,
  optionalVariables,
  type JsonObject,
} from '../request-validation';

export interface CreateInstanceCommand {
  request: CreateInstanceRequest;
  /** Set when `awaitCompletion` is true: the reply waits for the instance to complete. */
  awaitResult?: AwaitOptions;
}

/**
 * POST /v2/process-instances: by processDefinitionId (+ processDefinitionVersion, -1 or absent: latest) or by
 * processDefinitionKey, never both. `operationReference` is accepted and not recorded.
 */
export function toCreateInstanceCommand(rawBody: unknown): CreateInstanceCommand {
  const body = bodyObject(rawBody);
  const bpmnProcessId = optionalString(body, 'processDefinitionId');
  const processDefinitionKey = optionalKey(body, 'processDefinitionKey');
  if (bpmnProcessId === undefined && processDefinitionKey === undefined) {
    throw invalidArgument('At least one of [processDefinitionId, processDefinitionKey] is required.');
  }
  if (bpmnProcessId !== undefined && processDefinitionKey !== undefined) {
    throw invalidArgument('Only one of [processDefinitionId, processDefinitionKey] is allowed.');
  }
  if (bpmnProcessId !== undefined && bpmnProcessId.trim() === '') {
    throw invalidArgument("The field 'processDefinitionId' must not be empty.");
  }
  rejectRuntimeInstructions(body);
  const request: CreateInstanceRequest = {
    bpmnProcessId,
    version: optionalInteger(body, 'processDefinitionVersion', -1),
    processDefinitionKey,
    variables: optionalVariables(body) ?? {},
    startInstructions: toStartInstructions(body),
    tenantId: optionalString(body, 'tenantId') || undefined,
  };
  const fetchVariables = optionalStringArray(body, 'fetchVariables');
  const requestTimeout = optionalInteger(body, 'requestTimeout', 0);
  if (optionalBoolean(body, 'awaitCompletion') !== true) return { request };
  return { request, awaitResult: { requestTimeout, fetchVariables } };
}

function toStartInstructions(body: JsonObject): StartInstruction[] | undefined {
  const list = optionalArray(body, 'startInstructions');
  return list?.map((item, index) => {
    const elementId = (item as { elementId?: unknown } | null)?.elementId;
    if (typeof elementId !== 'string' || elementId === '') {
      throw invalidArgument(`startInstructions[${index}] must be an object with a non-empty 'elementId'.`);
    }
    return { elementId };
  });
}

function rejectRuntimeInstructions(body: JsonObject): void {
  const list = optionalArray(body, 'runtimeInstructions');
  if (list && list.length > 0) {
    throw new EngineError('UNIMPLEMENTED', 'runtimeInstructions are not supported by this engine.');
  }
}
