import type { Variables } from '../../../engine-api';
import { evaluateFeel } from '../../../feel/feel-evaluator';
import type { ExecutableElement } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { activateInScope } from './flow-behavior';
import { raiseIncident } from './incident-behavior';
import { setVariable, visibleVariables } from './variable-behavior';

/**
 * Multi-instance (docs/zeebe-rules.md §2.9): the activity is entered as a body (MULTI_INSTANCE_BODY) that holds the
 * input collection and the output collection, and runs one inner instance per item, all at once or one after another.
 * Boundary events belong to the body; the inner instances take no sequence flows, the body does.
 */

export const MULTI_INSTANCE_BODY = 'MULTI_INSTANCE_BODY';

/** Whether an element activated in `scope` is an inner instance of the multi-instance body `scope`. */
export function isInnerInstanceScope(scope: ElementInstance, elementId: string): boolean {
  return scope.bpmnElementType === MULTI_INSTANCE_BODY && scope.elementId === elementId;
}

export function isInnerInstance(ctx: BpmnContext, instance: ElementInstance): boolean {
  const scope = ctx.state.elementInstances.get(instance.flowScopeKey);
  return scope !== undefined && isInnerInstanceScope(scope, instance.elementId);
}

export function isBody(instance: ElementInstance): boolean {
  return instance.bpmnElementType === MULTI_INSTANCE_BODY;
}

/** Queues the inner instance for the item at `index` (0-based), with its inputElement and loopCounter locals. */
export function activateInner(
  ctx: BpmnContext,
  element: ExecutableElement,
  body: ElementInstance,
  index: number,
): void {
  const loopVariables: Variables = { loopCounter: index + 1 };
  const inputElement = element.multiInstance!.inputElement;
  if (inputElement) loopVariables[inputElement] = body.loop!.collection[index];
  const queue = ctx.pendingLoopVariables.get(body.key) ?? [];
  queue.push(loopVariables);
  ctx.pendingLoopVariables.set(body.key, queue);
  activateInScope(ctx, body, element.id, 0);
}

/** The loop variables of the next inner instance of a body (consumed in activation order). */
export function takeLoopVariables(ctx: BpmnContext, bodyKey: number): Variables | undefined {
  const queue = ctx.pendingLoopVariables.get(bodyKey);
  const next = queue?.shift();
  if (queue?.length === 0) ctx.pendingLoopVariables.delete(bodyKey);
  return next;
}

/** Bodies whose completionCondition held when an inner instance completed, until the body hears of it. */
const conditionHeld = new WeakMap<BpmnContext, Set<number>>();

/**
 * Before an inner instance leaves (it is COMPLETING): its output goes into the body's output collection, then the
 * completionCondition is evaluated in its scope. When the condition fails, an incident is raised on the inner
 * instance and false is answered: it stays COMPLETING, and resolving the incident retries its completion.
 */
export function beforeInnerCompleted(ctx: BpmnContext, element: ExecutableElement, inner: ElementInstance): boolean {
  collectOutput(ctx, element, inner);
  const condition = element.multiInstance?.completionCondition;
  if (!condition) return true;
  const body = ctx.state.elementInstances.get(inner.flowScopeKey)!;
  const loop = body.loop!;
  // The completing instance counts as completed, no longer active.
  const result = evaluateFeel(
    condition,
    {
      ...visibleVariables(ctx, inner.key),
      numberOfInstances: loop.collection.length,
      numberOfActiveInstances: body.activeChildren - 1,
      numberOfCompletedInstances: loop.completed + 1,
      numberOfTerminatedInstances: loop.terminated,
    },
    'BOOLEAN',
  );
  if (!result.ok) {
    raiseIncident(ctx, inner, 'EXTRACT_VALUE_ERROR', result.message);
    return false;
  }
  if (result.value === true) {
    const held = conditionHeld.get(ctx) ?? new Set<number>();
    held.add(body.key);
    conditionHeld.set(ctx, held);
  }
  return true;
}

/** Whether the completionCondition held for the inner instance that just completed (answered once). */
export function takeConditionHeld(ctx: BpmnContext, bodyKey: number): boolean {
  return conditionHeld.get(ctx)?.delete(bodyKey) ?? false;
}

/** Its outputElement goes into the body's output collection at its index. */
function collectOutput(ctx: BpmnContext, element: ExecutableElement, inner: ElementInstance): void {
  const { outputCollection, outputElement } = element.multiInstance ?? {};
  if (!outputCollection || !outputElement) return;
  const variables = visibleVariables(ctx, inner.key);
  const result = evaluateFeel(outputElement, variables, 'ANY');
  const body = ctx.state.elementInstances.get(inner.flowScopeKey)!;
  const collection = [...((ctx.state.variables.get(body.key, outputCollection)?.value as unknown[]) ?? [])];
  collection[Number(variables.loopCounter) - 1] = result.ok ? result.value : null;
  setVariable(ctx, body.key, outputCollection, collection);
}
