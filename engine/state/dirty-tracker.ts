import type { StateKey, StateRow } from '../storage/engine-storage';

/**
 * Remembers which state rows changed since the last commit, so that a batch writes only those. The last write
 * of a key in a batch wins; values are serialized at drain time, after the batch is done.
 */
export class DirtyTracker {
  private readonly changed = new Map<string, { cf: string; key: string; value: unknown | undefined }>();

  put(cf: string, key: string | number, value: unknown): void {
    this.changed.set(`${cf}\u0000${key}`, { cf, key: String(key), value });
  }

  delete(cf: string, key: string | number): void {
    this.changed.set(`${cf}\u0000${key}`, { cf, key: String(key), value: undefined });
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
