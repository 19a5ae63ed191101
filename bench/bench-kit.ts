/** What the platform benches share: a median, a millisecond figure, and waiting until the engine's search lists everything seeded. */
import { performance } from 'node:perf_hooks';

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Polls a list's `total` (the engine search is eventually consistent) until it reaches `expected`, for at most 5 min. */
export async function waitUntilListed(total: () => Promise<number>, expected: number, what: string): Promise<void> {
  const started = performance.now();
  while ((await total()) < expected) {
    if (performance.now() - started > 300_000) throw new Error(`the engine search never showed every ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
