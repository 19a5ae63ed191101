/**
 * The engine's own clock. Everything time-based (job deadlines, back-offs, record timestamps, later timers) reads
 * it, so that tests can pin it (REST /v2/clock) instead of sleeping.
 */
export class EngineClock {
  private pinned: number | undefined;

  now(): number {
    return this.pinned ?? Date.now();
  }

  pin(epochMs: number): void {
    this.pinned = epochMs;
  }

  reset(): void {
    this.pinned = undefined;
  }

  isPinned(): boolean {
    return this.pinned !== undefined;
  }
}
