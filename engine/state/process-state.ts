import type { ExecutableProcess } from '../model/executable-model';
import type { DirtyTracker } from './dirty-tracker';
import type { ProcessDefinition } from './entities';

/** Deployed process definitions with their executable models, by key and by process id. */
export class ProcessState {
  private readonly byKey = new Map<number, ProcessDefinition>();
  private readonly models = new Map<number, ExecutableProcess>();
  private readonly versions = new Map<string, ProcessDefinition[]>();
  /** Version numbers are never reused, even after deletion. */
  private readonly highestVersion = new Map<string, number>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(definition: ProcessDefinition, model: ExecutableProcess): void {
    this.index(definition, model);
  }

  loadHighestVersion(bpmnProcessId: string, version: number): void {
    this.highestVersion.set(bpmnProcessId, Math.max(version, this.highestVersion.get(bpmnProcessId) ?? 0));
  }

  add(definition: ProcessDefinition, model: ExecutableProcess): void {
    this.index(definition, model);
    this.dirty.put('process', definition.key, definition);
    this.dirty.put('processVersion', definition.bpmnProcessId, definition.version);
  }

  remove(key: number): void {
    const definition = this.byKey.get(key);
    if (!definition) return;
    this.byKey.delete(key);
    this.models.delete(key);
    const list = (this.versions.get(definition.bpmnProcessId) ?? []).filter((d) => d.key !== key);
    if (list.length) this.versions.set(definition.bpmnProcessId, list);
    else this.versions.delete(definition.bpmnProcessId);
    this.dirty.delete('process', key);
  }

  get(key: number): ProcessDefinition | undefined {
    return this.byKey.get(key);
  }

  model(key: number): ExecutableProcess {
    const model = this.models.get(key);
    if (!model) throw new Error(`no executable model for process definition ${key}`);
    return model;
  }

  latest(bpmnProcessId: string): ProcessDefinition | undefined {
    const list = this.versions.get(bpmnProcessId);
    return list?.[list.length - 1];
  }

  byVersion(bpmnProcessId: string, version: number): ProcessDefinition | undefined {
    return this.versions.get(bpmnProcessId)?.find((d) => d.version === version);
  }

  nextVersion(bpmnProcessId: string): number {
    return (this.highestVersion.get(bpmnProcessId) ?? 0) + 1;
  }

  all(): ProcessDefinition[] {
    return [...this.byKey.values()];
  }

  private index(definition: ProcessDefinition, model: ExecutableProcess): void {
    this.byKey.set(definition.key, definition);
    this.models.set(definition.key, model);
    const list = this.versions.get(definition.bpmnProcessId) ?? [];
    list.push(definition);
    list.sort((a, b) => a.version - b.version);
    this.versions.set(definition.bpmnProcessId, list);
    this.loadHighestVersion(definition.bpmnProcessId, definition.version);
  }
}
