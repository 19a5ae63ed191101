import { processInstanceValue } from './behavior/record-values';
import { activationArrived } from './behavior/flow-behavior';
import type { BpmnCommand, BpmnContext } from './bpmn-context';
import { isInnerInstanceScope, MULTI_INSTANCE_BODY, takeLoopVariables } from './behavior/multi-instance-behavior';
import { mergeLocal } from './behavior/variable-behavior';
import { takeCompensationThrow } from './behavior/compensation-behavior';

/**
 * Activates an element inside its flow scope (a follow-up of a taken flow or a starting container). A token whose
 * scope is no longer active (terminated, or ended by a terminate end event) is dropped.
 */
export function processActivateElement(
  ctx: BpmnContext,
  command: Extract<BpmnCommand, { intent: 'ACTIVATE_ELEMENT' }>,
): void {
  activationArrived(ctx, command.flowScopeKey, command.elementId);
  const scope = ctx.state.elementInstances.get(command.flowScopeKey);
  if (!scope || scope.state !== 'ELEMENT_ACTIVATED' || scope.terminateEndReached) return;
  if (scope.interruptingElementId && scope.interruptingElementId !== command.elementId) return;
  const element = ctx.state.processes.model(command.processDefinitionKey).elements.get(command.elementId)!;
  // A multi-instance activity is entered as its body; the body then activates the inner instances.
  const inner = isInnerInstanceScope(scope, element.id);
  const loopVariables = inner ? takeLoopVariables(ctx, scope.key) : undefined;
  const value = processInstanceValue(
    {
      elementId: element.id,
      bpmnProcessId: scope.bpmnProcessId,
      version: scope.version,
      processDefinitionKey: scope.processDefinitionKey,
      processInstanceKey: scope.processInstanceKey,
      flowScopeKey: scope.key,
      tenantId: scope.tenantId,
    },
    element,
  );
  if (element.multiInstance && !inner) value.bpmnElementType = MULTI_INSTANCE_BODY;
  ctx.writer.append('PROCESS_INSTANCE', 'ELEMENT_ACTIVATING', command.key, value, {
    consumedTokens: command.consumedTokens,
    consumedJoin: command.consumedJoin,
    compensationThrowKey: takeCompensationThrow(ctx, scope.key, element.id),
  });
  const instance = ctx.state.elementInstances.get(command.key)!;
  if (loopVariables) mergeLocal(ctx, instance.key, loopVariables);
  for (const document of command.variables ?? []) mergeLocal(ctx, instance.key, document);
  ctx.processorFor(element, instance).onActivate(ctx, element, instance);
}
