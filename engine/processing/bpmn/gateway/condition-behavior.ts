import { evaluateFeel } from '../../../feel/feel-evaluator';
import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { raiseIncident } from '../behavior/incident-behavior';
import { visibleVariables } from '../behavior/variable-behavior';

/**
 * Chooses the outgoing flows of an exclusive (first true) or inclusive (all true) gateway: conditions in XML
 * order, the default flow when none is true (its condition never evaluated), an incident when there is no way on.
 * Returns undefined when an incident was raised.
 */
export function chooseFlows(
  ctx: BpmnContext,
  element: ExecutableElement,
  instance: ElementInstance,
  mode: 'first' | 'all',
): string[] | undefined {
  const model = ctx.state.processes.model(instance.processDefinitionKey);
  const candidates = element.outgoing.filter((id) => id !== element.defaultFlowId);
  if (element.outgoing.length <= 1 && !model.flows.get(element.outgoing[0] ?? '')?.condition) return element.outgoing;
  const variables = visibleVariables(ctx, instance.key);
  const chosen: string[] = [];
  for (const flowId of candidates) {
    const condition = model.flows.get(flowId)!.condition;
    if (condition === undefined) {
      chosen.push(flowId);
    } else {
      const result = evaluateFeel(condition, variables, 'BOOLEAN');
      if (!result.ok) {
        raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', result.message);
        return undefined;
      }
      if (result.value === true) chosen.push(flowId);
    }
    if (mode === 'first' && chosen.length) return chosen;
  }
  if (chosen.length) return chosen;
  if (element.defaultFlowId) return [element.defaultFlowId];
  raiseIncident(
    ctx,
    instance,
    'CONDITION_ERROR',
    `Expected at least one condition to evaluate to true, or to have a default flow, but none of the outgoing flows of '${element.id}' could be taken`,
  );
  return undefined;
}
