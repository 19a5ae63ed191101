import { DEFAULT_TENANT } from '../../engine-api';
import type { ProcessDefinition } from '../../state/entities';
import { leaveTrigger } from '../bpmn/behavior/held-event-behavior';
import { processInstanceValue } from '../bpmn/behavior/record-values';
import { mergeLocal } from '../bpmn/behavior/variable-behavior';
import type { BpmnContext, StartOptions } from '../bpmn/bpmn-context';

/** Creates a process instance of a definition: the process activates, then its start event(s). */
export function startInstance(ctx: BpmnContext, definition: ProcessDefinition, options: StartOptions): number {
  const model = ctx.state.processes.model(definition.key);
  const process = model.elements.get(model.bpmnProcessId)!;
  const key = options.key ?? ctx.state.keys.next();
  const instance = {
    key,
    processInstanceKey: key,
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    elementId: definition.bpmnProcessId,
    flowScopeKey: -1,
    tenantId: options.tenantId ?? definition.tenantId ?? DEFAULT_TENANT,
    parentProcessInstanceKey: options.parent?.processInstanceKey,
    parentElementInstanceKey: options.parent?.elementInstanceKey,
  };
  ctx.writer.append('PROCESS_INSTANCE', 'ELEMENT_ACTIVATING', key, processInstanceValue(instance, process));
  mergeLocal(ctx, key, options.variables);
  ctx.writer.append('PROCESS_INSTANCE_CREATION', 'CREATED', ctx.state.keys.next(), {
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    processInstanceKey: key,
    tenantId: instance.tenantId,
    variables: options.variables,
    startInstructions: (options.startIds ?? []).map((elementId) => ({ elementId })),
  });
  const startIds = options.trigger ? [options.trigger.elementId] : options.startIds;
  if (startIds?.length) {
    ctx.startInstructions.set(
      key,
      startIds.map((elementId) => ({ elementId, variables: [], inside: [] })),
    );
  }
  if (options.trigger)
    leaveTrigger(ctx, key, options.trigger.elementId, { variables: options.trigger.variables, local: false });
  ctx.processorFor(process).onActivate(ctx, process, ctx.state.elementInstances.get(key)!);
  return key;
}
