import { DEFAULT_TENANT, type Variables } from '../../engine-api';
import type { ProcessDefinition } from '../../state/entities';
import { leaveTrigger } from '../bpmn/behavior/event-trigger-behavior';
import { processInstanceValue } from '../bpmn/behavior/record-values';
import { mergeLocal } from '../bpmn/behavior/variable-behavior';
import type { BpmnContext } from '../bpmn/bpmn-context';
import { processorFor } from '../bpmn/processor-registry';

export interface StartOptions {
  /** Root-scope variables. */
  variables: Variables;
  /** Elements to start at instead of the none start event. */
  startIds?: string[];
  tenantId?: string;
  /** An event start: the start event it activates and the event's variables. */
  trigger?: { elementId: string; variables: Variables };
  /** A call activity's child: the calling instance. */
  parent?: { processInstanceKey: number; elementInstanceKey: number };
  /** The new instance's key, when the caller had to know it first. */
  key?: number;
}

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
  if (startIds?.length) ctx.startInstructions.set(key, startIds);
  if (options.trigger)
    leaveTrigger(ctx, key, options.trigger.elementId, { variables: options.trigger.variables, local: false });
  processorFor(process).onActivate(ctx, process, ctx.state.elementInstances.get(key)!);
  return key;
}

/** An event start (message, signal, timer start event) of a process definition. */
export function startInstanceAt(
  ctx: BpmnContext,
  processDefinitionKey: number,
  startEventId: string,
  variables: Variables,
): number {
  const definition = ctx.state.processes.get(processDefinitionKey)!;
  return startInstance(ctx, definition, { variables: {}, trigger: { elementId: startEventId, variables } });
}
