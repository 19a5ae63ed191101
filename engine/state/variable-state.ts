import type { DirtyTracker } from './dirty-tracker';
import type { VariableEntry } from './entities';

/** Variables per scope (element instance key). Scope chains are resolved by the variable behaviour. */
export class VariableStore {
  private readonly scopes = new Map<number, Map<string, VariableEntry>>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(entry: VariableEntry): void {
    this.scopeOf(entry.scopeKey).set(entry.name, entry);
  }

  get(scopeKey: number, name: string): VariableEntry | undefined {
    return this.scopes.get(scopeKey)?.get(name);
  }

  local(scopeKey: number): Map<string, VariableEntry> | undefined {
    return this.scopes.get(scopeKey);
  }

  set(entry: VariableEntry): void {
    const scope = this.scopeOf(entry.scopeKey);
    const isNew = !scope.has(entry.name);
    scope.set(entry.name, entry);
    const key = `${entry.scopeKey}:${entry.name}`;
    if (isNew) this.dirty.create('variable', key, entry);
    else this.dirty.put('variable', key, entry);
  }

  removeScope(scopeKey: number): void {
    const scope = this.scopes.get(scopeKey);
    if (!scope) return;
    for (const name of scope.keys()) this.dirty.delete('variable', `${scopeKey}:${name}`);
    this.scopes.delete(scopeKey);
  }

  private scopeOf(scopeKey: number): Map<string, VariableEntry> {
    let scope = this.scopes.get(scopeKey);
    if (!scope) this.scopes.set(scopeKey, (scope = new Map()));
    return scope;
  }
}
