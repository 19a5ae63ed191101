import type { DirtyTracker } from './dirty-tracker';
import type { ElementInstance } from './entities';

/** Live element instances (the process instance included), with an index of each scope's children. */
export class ElementInstanceStore {
  private readonly byKey = new Map<number, ElementInstance>();
  private readonly children = new Map<number, Set<number>>();
  private readonly instancesPerDefinition = new Map<number, number>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(instance: ElementInstance): void {
    this.index(instance);
  }

  add(instance: ElementInstance): void {
    this.index(instance);
    this.dirty.create('elementInstance', instance.key, instance);
  }

  /** Persists changes made to an instance object in place. */
  save(instance: ElementInstance): void {
    this.dirty.put('elementInstance', instance.key, instance);
  }

  remove(key: number): void {
    const instance = this.byKey.get(key);
    if (!instance) return;
    this.byKey.delete(key);
    this.children.get(instance.flowScopeKey)?.delete(key);
    this.children.delete(key);
    if (instance.flowScopeKey === -1) {
      const count = (this.instancesPerDefinition.get(instance.processDefinitionKey) ?? 1) - 1;
      if (count > 0) this.instancesPerDefinition.set(instance.processDefinitionKey, count);
      else this.instancesPerDefinition.delete(instance.processDefinitionKey);
    }
    this.dirty.delete('elementInstance', key);
  }

  /** A migrated instance takes its new definition, element id and version (a process instance moves its count). */
  migrate(instance: ElementInstance, migrated: ElementInstance): void {
    if (instance.flowScopeKey === -1 && instance.processDefinitionKey !== migrated.processDefinitionKey) {
      const count = (this.instancesPerDefinition.get(instance.processDefinitionKey) ?? 1) - 1;
      if (count > 0) this.instancesPerDefinition.set(instance.processDefinitionKey, count);
      else this.instancesPerDefinition.delete(instance.processDefinitionKey);
      this.instancesPerDefinition.set(
        migrated.processDefinitionKey,
        (this.instancesPerDefinition.get(migrated.processDefinitionKey) ?? 0) + 1,
      );
    }
    instance.processDefinitionKey = migrated.processDefinitionKey;
    instance.bpmnProcessId = migrated.bpmnProcessId;
    instance.version = migrated.version;
    instance.elementId = migrated.elementId;
    this.save(instance);
  }

  get(key: number): ElementInstance | undefined {
    return this.byKey.get(key);
  }

  childrenOf(key: number): ElementInstance[] {
    const keys = this.children.get(key);
    if (!keys) return [];
    const result: ElementInstance[] = [];
    for (const childKey of keys) {
      const child = this.byKey.get(childKey);
      if (child) result.push(child);
    }
    return result;
  }

  runningInstancesOf(processDefinitionKey: number): number {
    return this.instancesPerDefinition.get(processDefinitionKey) ?? 0;
  }

  private index(instance: ElementInstance): void {
    this.byKey.set(instance.key, instance);
    if (instance.flowScopeKey !== -1) {
      let set = this.children.get(instance.flowScopeKey);
      if (!set) this.children.set(instance.flowScopeKey, (set = new Set()));
      set.add(instance.key);
    } else {
      this.instancesPerDefinition.set(
        instance.processDefinitionKey,
        (this.instancesPerDefinition.get(instance.processDefinitionKey) ?? 0) + 1,
      );
    }
  }
}
