/**
 * The application's clock. Normally the machine's time; tests (and demos) pin it together with the engine's
 * clock (PUT /api/admin/clock) so that due dates computed by workers and the engine's timers agree.
 */
let pinnedAt: number | undefined;

export const appClock = {
  now(): Date {
    return new Date(pinnedAt ?? Date.now());
  },
  pin(epochMs: number): void {
    pinnedAt = epochMs;
  },
  reset(): void {
    pinnedAt = undefined;
  },
  isPinned(): boolean {
    return pinnedAt !== undefined;
  },
};
