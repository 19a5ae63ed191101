/**
 * Polls a condition until it holds or a deadline passes: tests wait for what the engine does, never for a fixed time.
 */
export interface WaitOptions {
  /** Give up after this many ms (default 10 s). */
  timeout?: number;
  /** Pause between attempts in ms (default 50). */
  interval?: number;
  /** Said in the error when the deadline passes. */
  description?: string;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until it returns a value other than undefined, null or false, and returns that value. A probe that
 * throws counts as not yet; the last error is reported if the deadline passes.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: WaitOptions = {},
): Promise<T> {
  const timeout = options.timeout ?? 10_000;
  const interval = options.interval ?? 50;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${options.description ?? 'a condition'}${why}`);
    }
    await pause(interval);
  }
}

/**
 * Whether `promise` is still unsettled after `ms`. The one place a test waits for a fixed time: to show that
 * something does not happen within it (a long poll that must not answer before there is a job).
 */
export async function stillPendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = Symbol('settled');
  const outcome = await Promise.race([
    promise.then(
      () => settled,
      () => settled,
    ),
    pause(ms).then(() => undefined),
  ]);
  return outcome !== settled;
}
