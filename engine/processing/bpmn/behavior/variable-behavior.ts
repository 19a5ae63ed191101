import type { Variables } from '../../../engine-api';
import { evaluateFeel } from '../../../feel/feel-evaluator';
import type { Mapping } from '../../../model/executable-model';
import type { ElementInstance } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';
import { noteVariableChange } from './condition-watch';

/**
 * Variable scopes follow element instances (Zeebe's variables concept): reading sees the whole chain, inner
 * hiding outer; propagation updates the nearest scope that has the name, else the root.
 */

/** The chain of scope keys from `scopeKey` up to the process instance. */
export function scopeChain(ctx: BpmnContext, scopeKey: number): number[] {
  const chain: number[] = [];
  let current = ctx.state.elementInstances.get(scopeKey);
  while (current) {
    chain.push(current.key);
    current = current.flowScopeKey === -1 ? undefined : ctx.state.elementInstances.get(current.flowScopeKey);
  }
  return chain;
}

export function visibleVariables(ctx: BpmnContext, scopeKey: number): Variables {
  const result: Variables = {};
  const chain = scopeChain(ctx, scopeKey);
  for (let i = chain.length - 1; i >= 0; i--) {
    const local = ctx.state.variables.local(chain[i]);
    if (local) for (const [name, entry] of local) result[name] = entry.value;
  }
  return result;
}

/** Writes one variable into one scope; nothing is written when the value is unchanged. */
export function setVariable(ctx: BpmnContext, scopeKey: number, name: string, value: unknown): void {
  const scope = ctx.state.elementInstances.get(scopeKey);
  if (!scope) return;
  const existing = ctx.state.variables.get(scopeKey, name);
  const json = JSON.stringify(value === undefined ? null : value);
  if (existing && JSON.stringify(existing.value) === json) return;
  const key = existing ? existing.key : ctx.state.keys.next();
  ctx.writer.append('VARIABLE', existing ? 'UPDATED' : 'CREATED', key, {
    name,
    value: json,
    scopeKey,
    processInstanceKey: scope.processInstanceKey,
    processDefinitionKey: scope.processDefinitionKey,
    bpmnProcessId: scope.bpmnProcessId,
    tenantId: scope.tenantId,
  });
  noteVariableChange(ctx, scope, name, existing ? 'update' : 'create');
}

export function mergeLocal(ctx: BpmnContext, scopeKey: number, document: Variables): void {
  for (const [name, value] of Object.entries(document)) setVariable(ctx, scopeKey, name, value);
}

/** Each variable updates the first scope from `scopeKey` upward that has it, else it is created at the root. */
export function propagate(ctx: BpmnContext, scopeKey: number, document: Variables): void {
  const chain = scopeChain(ctx, scopeKey);
  if (chain.length === 0) return;
  for (const [name, value] of Object.entries(document)) {
    const target = chain.find((key) => ctx.state.variables.get(key, name)) ?? chain[chain.length - 1];
    setVariable(ctx, target, name, value);
  }
}

/** Sets `value` at a dotted `path` inside `base` (copied), creating objects on the way. */
function withPath(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const object: Record<string, unknown> =
    base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  object[path[0]] = withPath(object[path[0]], path.slice(1), value);
  return object;
}

export type MappingResult = { ok: true } | { ok: false; message: string };

/** Input mappings: each target becomes a local of the element; a later source may read an earlier target. */
export function applyInputMappings(ctx: BpmnContext, instance: ElementInstance, mappings: Mapping[]): MappingResult {
  if (mappings.length === 0) return { ok: true };
  const context = visibleVariables(ctx, instance.key);
  const locals: Variables = {};
  for (const mapping of mappings) {
    const result = evaluateFeel(mapping.source, context, 'ANY');
    if (!result.ok) return result;
    const [root, ...rest] = mapping.target.split('.');
    locals[root] = withPath(locals[root], rest, result.value);
    context[root] = locals[root];
  }
  mergeLocal(ctx, instance.key, locals);
  return { ok: true };
}

/** Output mappings: evaluated in the element's scope, each target merged into the flow scope (a dotted target sets only its leaf). */
export function applyOutputMappings(ctx: BpmnContext, instance: ElementInstance, mappings: Mapping[]): MappingResult {
  if (mappings.length === 0) return { ok: true };
  const context = visibleVariables(ctx, instance.key);
  const outer = visibleVariables(ctx, instance.flowScopeKey);
  const document: Variables = {};
  for (const mapping of mappings) {
    const result = evaluateFeel(mapping.source, context, 'ANY');
    if (!result.ok) return result;
    const [root, ...rest] = mapping.target.split('.');
    const base = root in document ? document[root] : outer[root];
    document[root] = withPath(base, rest, result.value);
  }
  propagate(ctx, instance.flowScopeKey, document);
  return { ok: true };
}

/**
 * A result (job completion, script): with output mappings it stays local to the element and only the mapped
 * targets reach the flow scope; without them the whole result propagates.
 */
export function mergeResult(
  ctx: BpmnContext,
  instance: ElementInstance,
  hasOutputMappings: boolean,
  result: Variables,
): void {
  if (hasOutputMappings) mergeLocal(ctx, instance.key, result);
  else propagate(ctx, instance.key, result);
}
