import type { DirtyTracker } from './dirty-tracker';
import type { FormDefinition } from './entities';

/** Deployed forms (Camunda Forms JSON) with their versions, by key and by form id. */
export class FormStore {
  private readonly byKey = new Map<number, FormDefinition>();
  private readonly versions = new Map<string, FormDefinition[]>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(form: FormDefinition): void {
    this.index(form);
  }

  add(form: FormDefinition): void {
    this.index(form);
    this.dirty.put('form', form.key, form);
  }

  remove(key: number): void {
    const form = this.byKey.get(key);
    if (!form) return;
    this.byKey.delete(key);
    const list = (this.versions.get(form.formId) ?? []).filter((f) => f.key !== key);
    if (list.length) this.versions.set(form.formId, list);
    else this.versions.delete(form.formId);
    this.dirty.delete('form', key);
  }

  get(key: number): FormDefinition | undefined {
    return this.byKey.get(key);
  }

  latest(formId: string): FormDefinition | undefined {
    const list = this.versions.get(formId);
    return list?.[list.length - 1];
  }

  /** The latest version of a form id that carries the version tag. */
  withVersionTag(formId: string, versionTag: string): FormDefinition | undefined {
    return (this.versions.get(formId) ?? []).filter((f) => f.versionTag === versionTag).pop();
  }

  inDeployment(formId: string, deploymentKey: number): FormDefinition | undefined {
    return this.versions.get(formId)?.find((f) => f.deploymentKey === deploymentKey);
  }

  private index(form: FormDefinition): void {
    this.byKey.set(form.key, form);
    const list = this.versions.get(form.formId) ?? [];
    list.push(form);
    list.sort((a, b) => a.version - b.version);
    this.versions.set(form.formId, list);
  }
}
