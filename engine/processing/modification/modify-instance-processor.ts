import type { ModifyInstanceInput, Variables } from '../../engine-api';
import { invalidArgument, notFound } from '../../errors';
import type { ExecutableProcess } from '../../model/executable-model';
import type { ElementInstance } from '../../state/entities';
import { terminateElement } from '../bpmn/behavior/element-lifecycle';
import { activatePlans, pathBelow, plansOf } from '../bpmn/behavior/activation-plan';
import { mergeLocal } from '../bpmn/behavior/variable-behavior';
import type { CommandContext, CommandProcessor } from '../command-context';

/**
 * ModifyProcessInstance: a repair tool. Every instruction is checked before anything happens; then variables are
 * set, the elements activated in their flow scopes, and the element instances terminated. An element whose flow
 * scope has no active instance is activated in a new instance of it (and of the scopes above it, up to one that is
 * active or to the ancestor named), which enters without taking its start event. A scope left with no active
 * element instance completes, as it would after any other last element.
 */
export const modifyInstanceProcessor: CommandProcessor<
  { input: ModifyInstanceInput; documents: Variables[][] },
  void
> = (ctx, { input, documents }) => {
  const root = ctx.state.elementInstances.get(input.processInstanceKey);
  if (!root || root.flowScopeKey !== -1 || root.state !== 'ELEMENT_ACTIVATED') {
    throw notFound(
      `Expected to modify a running process instance with key '${input.processInstanceKey}', but none was found`,
    );
  }
  const model = ctx.state.processes.model(root.processDefinitionKey);
  const activations = input.activate.map((instruction, i) => {
    const { anchor, path } = placeFor(ctx, model, root, instruction.elementId, instruction.ancestorElementInstanceKey);
    const existing: Array<{ scope: ElementInstance; document: Variables }> = [];
    const created = new Map<string, Variables[]>();
    (instruction.variables ?? []).forEach((v, j) => {
      const document = documents[i][j];
      if (v.scopeId && path.includes(v.scopeId)) created.set(v.scopeId, [...(created.get(v.scopeId) ?? []), document]);
      else existing.push({ scope: variableScope(ctx, model, root, anchor, v.scopeId), document });
    });
    return { anchor, path, existing, created };
  });
  const terminations = input.terminate.map((key) => {
    const instance = ctx.state.elementInstances.get(key);
    if (!instance || instance.processInstanceKey !== root.key || instance.key === root.key) {
      throw invalidArgument(
        `Expected to terminate element instance '${key}' of process instance '${root.key}', but it is not an active element instance of it`,
      );
    }
    return instance;
  });
  ctx.writer.append('PROCESS_INSTANCE_MODIFICATION', 'MODIFIED', root.key, {
    processInstanceKey: root.key,
    activateInstructions: input.activate.map((a) => ({
      elementId: a.elementId,
      ancestorElementInstanceKey: a.ancestorElementInstanceKey ?? -1,
    })),
    terminateInstructions: input.terminate.map((elementInstanceKey) => ({ elementInstanceKey })),
  });
  const byAnchor = new Map<number, { anchor: ElementInstance; targets: Parameters<typeof plansOf>[0] }>();
  for (const { anchor, path, existing, created } of activations) {
    for (const { scope, document } of existing) mergeLocal(ctx, scope.key, document);
    const entry = byAnchor.get(anchor.key) ?? { anchor, targets: [] };
    entry.targets.push({ path, variables: created });
    byAnchor.set(anchor.key, entry);
  }
  for (const { anchor, targets } of byAnchor.values()) activatePlans(ctx, anchor, plansOf(targets));
  ctx.termination.byModification = true;
  try {
    for (const instance of terminations) {
      const current = ctx.state.elementInstances.get(instance.key);
      if (current) terminateElement(ctx, current);
    }
  } finally {
    ctx.termination.byModification = false;
  }
};

/**
 * Where an element is activated: the active instance it goes under (`anchor`) and the elements from below it down
 * to the element (`path`: the flow scopes to create, then the element). With an ancestor named, it is the anchor
 * (the element's flow scope or any scope above it); without, the nearest flow scope with one active instance.
 */
function placeFor(
  ctx: CommandContext,
  model: ExecutableProcess,
  root: ElementInstance,
  elementId: string,
  ancestorKey: number | undefined,
): { anchor: ElementInstance; path: string[] } {
  const element = model.elements.get(elementId);
  if (!element || element.kind === 'process' || element.kind === 'boundaryEvent') {
    throw invalidArgument(
      `Expected to activate element '${elementId}', but the process has no such element that can be activated`,
    );
  }
  const action = `activate element '${elementId}'`;
  let anchor: ElementInstance | undefined;
  if (ancestorKey && ancestorKey > 0) {
    anchor = ctx.state.elementInstances.get(ancestorKey);
    if (
      !anchor ||
      anchor.processInstanceKey !== root.key ||
      anchor.state !== 'ELEMENT_ACTIVATED' ||
      anchor.bpmnElementType === 'MULTI_INSTANCE_BODY' ||
      !pathBelow(model, anchor.elementId, elementId)
    ) {
      throw invalidArgument(
        `Expected to ${action} in ancestor '${ancestorKey}', but it is not an active instance of a scope that contains '${elementId}'`,
      );
    }
  } else {
    for (let scopeId = element.flowScopeId!; !anchor; scopeId = model.elements.get(scopeId)!.flowScopeId!) {
      if (scopeId === model.bpmnProcessId) anchor = root;
      else anchor = soleActiveInstance(ctx, root, scopeId, action);
    }
  }
  const path = pathBelow(model, anchor.elementId, elementId)!;
  for (const scopeId of path.slice(0, -1)) {
    const scope = model.elements.get(scopeId)!;
    if (scope.multiInstance || scope.kind !== 'subProcess') {
      throw invalidArgument(
        `Expected to ${action}, but its flow scope '${scopeId}' has no active instance and is ${scope.multiInstance ? 'a multi-instance element' : 'not an embedded subprocess'}: creating it is not supported`,
      );
    }
  }
  return { anchor, path };
}

/** The scope of a variable instruction that exists already: the process, a scope above the anchor, or the only active instance of the element. */
function variableScope(
  ctx: CommandContext,
  model: ExecutableProcess,
  root: ElementInstance,
  anchor: ElementInstance,
  scopeId: string,
): ElementInstance {
  if (!scopeId || scopeId === model.bpmnProcessId) return root;
  for (
    let scope: ElementInstance | undefined = anchor;
    scope;
    scope = ctx.state.elementInstances.get(scope.flowScopeKey)
  ) {
    if (scope.elementId === scopeId) return scope;
  }
  const action = `set variables in scope '${scopeId}'`;
  const found = soleActiveInstance(ctx, root, scopeId, action);
  if (found) return found;
  throw invalidArgument(`Expected to ${action}, but '${scopeId}' has no active instance`);
}

/** The active instance of an element, when there is exactly one; none is undefined, several are an error. */
function soleActiveInstance(
  ctx: CommandContext,
  root: ElementInstance,
  elementId: string,
  action: string,
): ElementInstance | undefined {
  const found: ElementInstance[] = [];
  const visit = (scope: ElementInstance): void => {
    for (const child of ctx.state.elementInstances.childrenOf(scope.key)) {
      if (child.elementId === elementId && child.state === 'ELEMENT_ACTIVATED') found.push(child);
      visit(child);
    }
  };
  visit(root);
  if (found.length > 1) {
    throw invalidArgument(
      `Expected to ${action}, but '${elementId}' has ${found.length} active instances; name one as the ancestor`,
    );
  }
  return found[0];
}
