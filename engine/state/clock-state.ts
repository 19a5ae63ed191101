import type { DirtyTracker } from './dirty-tracker';

/**
 * The pinned time of the engine clock, kept as state like Zeebe's clock column family, so that a pin survives a
 * restart instead of the clock jumping back to the wall clock (REST PUT /v2/clock).
 */
export class ClockState {
  private pinned: number | undefined;

  constructor(private readonly dirty: DirtyTracker) {}

  load(epochMs: number): void {
    this.pinned = epochMs;
  }

  pinnedAt(): number | undefined {
    return this.pinned;
  }

  pin(epochMs: number): void {
    this.pinned = epochMs;
    this.dirty.put('meta', 'clockPin', epochMs);
  }

  reset(): void {
    this.pinned = undefined;
    this.dirty.delete('meta', 'clockPin');
  }
}
