import { DEFAULT_TENANT, type CreatedInstance, type CreateInstanceRequest, type Variables } from '../../engine-api';
import { failedPrecondition, invalidArgument, notFound } from '../../errors';
import type { ExecutableProcess } from '../../model/executable-model';
import type { ProcessDefinition } from '../../state/entities';
import type { CommandContext, CommandProcessor } from '../command-context';
import type { ResultWaiter } from './result-waiters';

function findDefinition(ctx: CommandContext, request: CreateInstanceRequest): ProcessDefinition {
  if (request.processDefinitionKey !== undefined && request.processDefinitionKey > 0) {
    const definition = ctx.state.processes.get(request.processDefinitionKey);
    if (!definition) {
      throw notFound(`Expected to find process definition with key '${request.processDefinitionKey}', but none found`);
    }
    return definition;
  }
  const id = request.bpmnProcessId ?? '';
  if (!id) throw invalidArgument('Expected either a bpmnProcessId or a processDefinitionKey, but neither was given');
  const version = request.version ?? -1;
  const definition = version < 0 ? ctx.state.processes.latest(id) : ctx.state.processes.byVersion(id, version);
  if (!definition) {
    throw notFound(
      version < 0
        ? `Expected to find process definition with process ID '${id}', but none found`
        : `Expected to find process definition with process ID '${id}' and version '${version}', but none found`,
    );
  }
  return definition;
}

function checkStartInstructions(model: ExecutableProcess, elementIds: string[]): void {
  for (const elementId of elementIds) {
    const element = model.elements.get(elementId);
    if (!element || element.kind === 'process') {
      throw invalidArgument(
        `Expected to create instance of process with start instructions but no element found with id '${elementId}'`,
      );
    }
    if (element.flowScopeId !== model.bpmnProcessId) {
      throw invalidArgument(
        `Start instruction for element '${elementId}': starting inside a subprocess is not supported yet by this engine; start at an element of the process itself`,
      );
    }
  }
}

/** Creates a process instance: the process activates, the variables land in its root scope, its start event (or the instructed elements) activate. */
export const createInstanceProcessor: CommandProcessor<
  { request: CreateInstanceRequest; variables: Variables; resultWaiter?: ResultWaiter },
  CreatedInstance
> = (ctx, { request, variables, resultWaiter }) => {
  const definition = findDefinition(ctx, request);
  const model = ctx.state.processes.model(definition.key);
  const process = model.elements.get(model.bpmnProcessId)!;
  const startIds = (request.startInstructions ?? []).map((s) => s.elementId);
  checkStartInstructions(model, startIds);
  if (startIds.length === 0 && !process.noneStartEventId) {
    throw failedPrecondition(
      `Expected to create instance of process '${definition.bpmnProcessId}' with a none start event, but it has none`,
    );
  }
  const key = ctx.startInstance(definition, { variables, startIds, tenantId: request.tenantId });
  if (resultWaiter) ctx.resultWaiters.register(key, resultWaiter);
  return {
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    processInstanceKey: key,
    tenantId: request.tenantId ?? DEFAULT_TENANT,
  };
};
