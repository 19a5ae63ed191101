import type { Variables } from '../../../engine-api';
import type { ExecutableElement, ExecutableProcess } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';

/**
 * Tokens between elements: taking sequence flows, and the joins of parallel and inclusive gateways (a joining
 * gateway is one with more than one incoming flow).
 */

export function isJoin(element: ExecutableElement): boolean {
  return (element.kind === 'parallelGateway' || element.kind === 'inclusiveGateway') && element.incoming.length > 1;
}

function model(ctx: BpmnContext, instance: ElementInstance): ExecutableProcess {
  return ctx.state.processes.model(instance.processDefinitionKey);
}

function countInFlight(ctx: BpmnContext, flowScopeKey: number, elementId: string, delta: number): void {
  let scope = ctx.inFlight.get(flowScopeKey);
  if (!scope) ctx.inFlight.set(flowScopeKey, (scope = new Map()));
  const next = (scope.get(elementId) ?? 0) + delta;
  if (next > 0) scope.set(elementId, next);
  else scope.delete(elementId);
  if (scope.size === 0) ctx.inFlight.delete(flowScopeKey);
}

/**
 * Queues the activation of an element in a flow scope (as a follow-up command of this batch) and answers the new
 * element instance's key. `variables` become the instance's locals before it activates.
 */
export function activateInScope(
  ctx: BpmnContext,
  scope: ElementInstance,
  elementId: string,
  consumedTokens: number,
  consumedJoin?: Record<string, number>,
  variables?: Variables[],
): number {
  countInFlight(ctx, scope.key, elementId, 1);
  const key = ctx.state.keys.next();
  ctx.followUp({
    intent: 'ACTIVATE_ELEMENT',
    key,
    processDefinitionKey: scope.processDefinitionKey,
    processInstanceKey: scope.processInstanceKey,
    elementId,
    flowScopeKey: scope.key,
    consumedTokens,
    consumedJoin,
    variables: variables?.length ? variables : undefined,
  });
  return key;
}

/** Called when a queued activation is processed. */
export function activationArrived(ctx: BpmnContext, flowScopeKey: number, elementId: string): void {
  countInFlight(ctx, flowScopeKey, elementId, -1);
}

/** Takes the given outgoing flows of a completed element instance. */
export function takeFlows(ctx: BpmnContext, from: ElementInstance, flowIds: string[]): void {
  if (flowIds.length === 0) return;
  const scope = ctx.state.elementInstances.get(from.flowScopeKey);
  if (!scope) return;
  const process = model(ctx, from);
  const joinsReached = new Set<ExecutableElement>();
  for (const flowId of flowIds) {
    const flow = process.flows.get(flowId)!;
    const target = process.elements.get(flow.targetId)!;
    const join = isJoin(target);
    ctx.writer.append(
      'PROCESS_INSTANCE',
      'SEQUENCE_FLOW_TAKEN',
      ctx.state.keys.next(),
      {
        bpmnElementType: 'SEQUENCE_FLOW',
        elementId: flowId,
        bpmnProcessId: from.bpmnProcessId,
        version: from.version,
        processDefinitionKey: from.processDefinitionKey,
        processInstanceKey: from.processInstanceKey,
        flowScopeKey: scope.key,
        bpmnEventType: 'UNSPECIFIED',
        parentProcessInstanceKey: -1,
        parentElementInstanceKey: -1,
        tenantId: from.tenantId,
      },
      join ? { joinGatewayId: target.id } : undefined,
    );
    if (join) joinsReached.add(target);
    else activateInScope(ctx, scope, target.id, 1);
  }
  for (const gateway of joinsReached) tryJoin(ctx, scope, gateway);
}

/** Activates a joining gateway when its condition holds: every incoming flow taken, or (inclusive) no path left. */
export function tryJoin(ctx: BpmnContext, scope: ElementInstance, gateway: ExecutableElement): void {
  if ((ctx.inFlight.get(scope.key)?.get(gateway.id) ?? 0) > 0) return; // already firing in this batch
  const tokens = scope.joins?.[gateway.id] ?? {};
  const taken = gateway.incoming.filter((flowId) => (tokens[flowId] ?? 0) > 0);
  if (taken.length === 0) return;
  const missing = gateway.incoming.filter((flowId) => !taken.includes(flowId));
  if (missing.length > 0 && (gateway.kind === 'parallelGateway' || canStillArrive(ctx, scope, gateway, missing)))
    return;
  const consumedJoin = Object.fromEntries(taken.map((flowId) => [flowId, 1]));
  activateInScope(ctx, scope, gateway.id, taken.length, consumedJoin);
}

/** Inclusive join: re-checks every waiting join of a scope (called when a child of the scope finished). */
export function retryInclusiveJoins(ctx: BpmnContext, scope: ElementInstance): void {
  if (!scope.joins) return;
  const process = model(ctx, scope);
  for (const gatewayId of Object.keys(scope.joins)) {
    const gateway = process.elements.get(gatewayId);
    if (gateway?.kind === 'inclusiveGateway') tryJoin(ctx, scope, gateway);
  }
}

/** Whether a token somewhere in the scope can still reach one of the missing incoming flows. */
function canStillArrive(
  ctx: BpmnContext,
  scope: ElementInstance,
  gateway: ExecutableElement,
  missing: string[],
): boolean {
  const process = model(ctx, scope);
  const sources = new Set(missing.map((flowId) => process.flows.get(flowId)!.sourceId));
  const active = new Set<string>();
  for (const child of ctx.state.elementInstances.childrenOf(scope.key)) active.add(child.elementId);
  for (const elementId of ctx.inFlight.get(scope.key)?.keys() ?? []) active.add(elementId);
  for (const [joinId, tokens] of Object.entries(scope.joins ?? {})) {
    if (joinId !== gateway.id && Object.values(tokens).some((n) => n > 0)) active.add(joinId);
  }
  active.delete(gateway.id);
  for (const elementId of active) {
    for (const reached of reachableFrom(process, elementId)) if (sources.has(reached)) return true;
  }
  return false;
}

const reachabilityCache = new WeakMap<ExecutableProcess, Map<string, Set<string>>>();

/** Elements reachable from `elementId` along sequence flows, the element itself included. */
function reachableFrom(process: ExecutableProcess, elementId: string): Set<string> {
  let cache = reachabilityCache.get(process);
  if (!cache) reachabilityCache.set(process, (cache = new Map()));
  const cached = cache.get(elementId);
  if (cached) return cached;
  const seen = new Set<string>([elementId]);
  const stack = [elementId];
  while (stack.length) {
    const element = process.elements.get(stack.pop()!);
    for (const flowId of element?.outgoing ?? []) {
      const target = process.flows.get(flowId)!.targetId;
      if (!seen.has(target)) {
        seen.add(target);
        stack.push(target);
      }
    }
  }
  cache.set(elementId, seen);
  return seen;
}
