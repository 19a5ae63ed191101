/** What the platform benches share: a median, a millisecond figure, and waiting until the engine's search lists everything seeded. */
import { performance } from 'node:perf_hooks';

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const ms = (value: number) => `${value.toFixed(0)} ms`;

/**
 * Polls a list's `total` (the engine search is eventually consistent) until it reaches `expected`, for at most
 * 15 min, saying how far it got each minute. A search counts up to 10,000 only: to wait for more, poll a count that
 * stays under it (e.g. the last item seeded).
 */
export async function waitUntilListed(total: () => Promise<number>, expected: number, what: string): Promise<void> {
  const started = performance.now();
  let said = started;
  for (let seen = await total(); seen < expected; seen = await total()) {
    const now = performance.now();
    if (now - started > 900_000)
      throw new Error(`the engine search showed ${seen} of ${expected} ${what}s after 15 min`);
    if (now - said > 60_000) {
      console.log(`  … the engine search shows ${seen} of ${expected} ${what}s`);
      said = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
