import type { StateKey, StateRow } from '../storage/engine-storage';

/**
 * Remembers which state rows changed since the last commit, so that a batch writes only those. The last write
 * of a key in a batch wins; values are serialized at drain time, after the batch is done. A row created and
 * deleted within one batch (a start event, a gateway, a job completed at once) never reaches the storage.
 */
export class DirtyTracker {
  private readonly changed = new Map<
    string,
    { cf: string; key: string; value: unknown | undefined; createdInBatch: boolean }
  >();

  /** A row that did not exist before (its key is new). */
  create(cf: string, key: string | number, value: unknown): void {
    this.changed.set(`${cf}\u0000${key}`, { cf, key: String(key), value, createdInBatch: true });
  }

  put(cf: string, key: string | number, value: unknown): void {
    const id = `${cf}\u0000${key}`;
    const createdInBatch = this.changed.get(id)?.createdInBatch ?? false;
    this.changed.set(id, { cf, key: String(key), value, createdInBatch });
  }

  delete(cf: string, key: string | number): void {
    const id = `${cf}\u0000${key}`;
    if (this.changed.get(id)?.createdInBatch) this.changed.delete(id);
    else this.changed.set(id, { cf, key: String(key), value: undefined, createdInBatch: false });
  }

  drain(): { puts: StateRow[]; deletes: StateKey[] } {
    const puts: StateRow[] = [];
    const deletes: StateKey[] = [];
    for (const { cf, key, value } of this.changed.values()) {
      if (value === undefined) deletes.push({ cf, key });
      else puts.push({ cf, key, value: JSON.stringify(value) });
    }
    this.changed.clear();
    return { puts, deletes };
  }
}
