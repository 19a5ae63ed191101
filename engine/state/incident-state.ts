import type { DirtyTracker } from './dirty-tracker';
import type { Incident } from './entities';

/** Open incidents, by key and by the element instance (and job) they block. */
export class IncidentStore {
  private readonly byKey = new Map<number, Incident>();
  private readonly byElementInstance = new Map<number, Set<number>>();

  constructor(private readonly dirty: DirtyTracker) {}

  load(incident: Incident): void {
    this.index(incident);
  }

  add(incident: Incident): void {
    this.index(incident);
    this.dirty.create('incident', incident.key, incident);
  }

  remove(key: number): void {
    const incident = this.byKey.get(key);
    if (!incident) return;
    this.byKey.delete(key);
    this.byElementInstance.get(incident.elementInstanceKey)?.delete(key);
    this.dirty.delete('incident', key);
  }

  /** The same incident (same key and element instance) changed, as after a migration. */
  replace(incident: Incident): void {
    this.byKey.set(incident.key, incident);
    this.dirty.put('incident', incident.key, incident);
  }

  get(key: number): Incident | undefined {
    return this.byKey.get(key);
  }

  /** How many incidents are open. */
  count(): number {
    return this.byKey.size;
  }

  ofElementInstance(elementInstanceKey: number): Incident[] {
    const keys = this.byElementInstance.get(elementInstanceKey);
    return keys ? [...keys].map((k) => this.byKey.get(k)!).filter(Boolean) : [];
  }

  private index(incident: Incident): void {
    this.byKey.set(incident.key, incident);
    let set = this.byElementInstance.get(incident.elementInstanceKey);
    if (!set) this.byElementInstance.set(incident.elementInstanceKey, (set = new Set()));
    set.add(incident.key);
  }
}
