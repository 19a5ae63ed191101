import type { ModifyInstanceInput, Variables } from '../../engine-api';
import { invalidArgument, notFound } from '../../errors';
import type { ExecutableProcess } from '../../model/executable-model';
import type { ElementInstance } from '../../state/entities';
import { terminateElement } from '../bpmn/behavior/element-lifecycle';
import { activateInScope } from '../bpmn/behavior/flow-behavior';
import { mergeLocal } from '../bpmn/behavior/variable-behavior';
import type { CommandContext, CommandProcessor } from '../command-context';

/**
 * ModifyProcessInstance: a repair tool. Every instruction is checked before anything happens; then variables are
 * set, the elements activated in their flow scopes, and the element instances terminated. A scope left with no
 * active element instance completes, as it would after any other last element.
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
  const activations = input.activate.map((instruction, i) => ({
    elementId: instruction.elementId,
    scope: flowScopeFor(ctx, model, root, instruction.elementId, instruction.ancestorElementInstanceKey),
    variables: (instruction.variables ?? []).map((v, j) => ({
      scope: variableScope(ctx, model, root, v.scopeId),
      document: documents[i][j],
    })),
  }));
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
  for (const activation of activations) {
    for (const { scope, document } of activation.variables) mergeLocal(ctx, scope.key, document);
    activateInScope(ctx, activation.scope, activation.elementId, 0);
  }
  for (const instance of terminations) {
    const current = ctx.state.elementInstances.get(instance.key);
    if (current) terminateElement(ctx, current);
  }
};

function flowScopeFor(
  ctx: CommandContext,
  model: ExecutableProcess,
  root: ElementInstance,
  elementId: string,
  ancestorKey: number | undefined,
): ElementInstance {
  const element = model.elements.get(elementId);
  if (!element || element.kind === 'process' || element.kind === 'boundaryEvent') {
    throw invalidArgument(
      `Expected to activate element '${elementId}', but the process has no such element that can be activated`,
    );
  }
  if (element.flowScopeId === model.bpmnProcessId) {
    if (ancestorKey && ancestorKey !== root.key) {
      throw invalidArgument(
        `Expected to activate element '${elementId}' in ancestor '${ancestorKey}', but it is not an active instance of '${model.bpmnProcessId}'`,
      );
    }
    return root;
  }
  const scopeElement = model.elements.get(element.flowScopeId!)!;
  if (scopeElement.multiInstance) {
    throw invalidArgument(
      `Expected to activate element '${elementId}', but it is inside a multi-instance element; that is not supported`,
    );
  }
  return activeInstanceOf(ctx, root, scopeElement.id, ancestorKey, `activate element '${elementId}'`);
}

function variableScope(
  ctx: CommandContext,
  model: ExecutableProcess,
  root: ElementInstance,
  scopeId: string,
): ElementInstance {
  if (!scopeId || scopeId === model.bpmnProcessId) return root;
  return activeInstanceOf(ctx, root, scopeId, undefined, `set variables in scope '${scopeId}'`);
}

/** The active instance of a flow-scope element: the given ancestor, or the only one there is. */
function activeInstanceOf(
  ctx: CommandContext,
  root: ElementInstance,
  elementId: string,
  ancestorKey: number | undefined,
  action: string,
): ElementInstance {
  if (ancestorKey) {
    const ancestor = ctx.state.elementInstances.get(ancestorKey);
    if (
      ancestor?.processInstanceKey === root.key &&
      ancestor.elementId === elementId &&
      ancestor.state === 'ELEMENT_ACTIVATED'
    ) {
      return ancestor;
    }
    throw invalidArgument(
      `Expected to ${action} in ancestor '${ancestorKey}', but it is not an active instance of '${elementId}'`,
    );
  }
  const found: ElementInstance[] = [];
  const visit = (scope: ElementInstance): void => {
    for (const child of ctx.state.elementInstances.childrenOf(scope.key)) {
      if (child.elementId === elementId && child.state === 'ELEMENT_ACTIVATED') found.push(child);
      visit(child);
    }
  };
  visit(root);
  if (found.length === 1) return found[0];
  throw invalidArgument(
    found.length === 0
      ? `Expected to ${action}, but '${elementId}' has no active instance (creating it is not supported yet)`
      : `Expected to ${action}, but '${elementId}' has ${found.length} active instances; name one as the ancestor`,
  );
}
