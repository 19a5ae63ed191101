/**
 * The application's clock. Normally the machine's time; tests (and demos) pin it together with the engine's
 * clock (PUT /api/admin/clock) so that due dates computed by workers and the engine's timers agree. Business
 * timestamps, record timestamps included (db/app-clock-timestamps.ts), read it.
 *
 * Checks that depend on the date (e.g. the holiday-schedule reminders) register with `onMove`: pinning or
 * resetting the clock runs them at once, and `pin`/`reset` resolve when they are done.
 */
type MoveListener = (now: Date) => Promise<void> | void;

let pinnedAt: number | undefined;
const listeners = new Set<MoveListener>();

async function moved(): Promise<void> {
  const now = appClock.now();
  // A failing check is the listener's to report; the clock has moved all the same.
  await Promise.allSettled([...listeners].map(async (listener) => listener(now)));
}

export const appClock = {
  now(): Date {
    return new Date(pinnedAt ?? Date.now());
  },
  pin(epochMs: number): Promise<void> {
    pinnedAt = epochMs;
    return moved();
  },
  reset(): Promise<void> {
    pinnedAt = undefined;
    return moved();
  },
  isPinned(): boolean {
    return pinnedAt !== undefined;
  },
  /** Runs `listener` whenever the clock is pinned or reset; returns the function that stops it. */
  onMove(listener: MoveListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
