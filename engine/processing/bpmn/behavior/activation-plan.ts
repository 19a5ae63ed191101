import type { Variables } from '../../../engine-api';
import type { ExecutableProcess } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { ActivationPlan, BpmnContext } from '../bpmn-context';
import { activateInScope } from './flow-behavior';

/**
 * Activating elements below flow scopes that may not exist yet (modification's activate instructions): a plan
 * names an element to activate in a scope and, when that element is itself a flow scope created for the purpose,
 * what to activate inside it instead of its none start event. Containers read their part when they activate
 * (container-behavior's startChildren), so a new subprocess instance enters as it always does (input mappings,
 * boundary and event-subprocess subscriptions), only its start event is not taken.
 */

/** The element ids from just below `scopeId` down to `elementId`, each the flow scope of the next. */
export function pathBelow(model: ExecutableProcess, scopeId: string, elementId: string): string[] | undefined {
  const path: string[] = [];
  for (let id: string | undefined = elementId; id !== undefined; id = model.elements.get(id)?.flowScopeId) {
    if (id === scopeId) return path.reverse();
    path.push(id);
  }
  return undefined;
}

/**
 * Folds paths that start at the same scope into one plan tree: two targets inside the same missing subprocess
 * share one new instance of it, as they would after a single token entered it.
 */
export function plansOf(targets: Array<{ path: string[]; variables: Map<string, Variables[]> }>): ActivationPlan[] {
  const roots: ActivationPlan[] = [];
  for (const { path, variables } of targets) {
    let level = roots;
    path.forEach((elementId, depth) => {
      const last = depth === path.length - 1;
      // Scopes on the way are shared; the target itself is a new instance every time it is named.
      let plan = last ? undefined : level.find((p) => p.elementId === elementId && p.inside.length > 0);
      if (!plan) {
        plan = { elementId, variables: [], inside: [] };
        level.push(plan);
      }
      plan.variables.push(...(variables.get(elementId) ?? []));
      level = plan.inside;
    });
  }
  return roots;
}

/** Queues the plans' activations in `scope`; the containers among them take their inner plans when they activate. */
export function activatePlans(ctx: BpmnContext, scope: ElementInstance, plans: ActivationPlan[]): void {
  for (const plan of plans) {
    const key = activateInScope(ctx, scope, plan.elementId, 0, undefined, plan.variables);
    if (plan.inside.length > 0) ctx.startInstructions.set(key, plan.inside);
  }
}
