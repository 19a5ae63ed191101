/**
 * Dashboard figures answered from one computation for a while (decision 0066). The backlog, step and compliance
 * figures walk every task of the period through the engine's search (10,000 open tasks: about 0.3 s of the API's one
 * thread; a month of 100,000 completed tasks: 6 s); managers opening them every few seconds at once would hold
 * every clerk's request behind them. The same question (figure, units, period) gets the answer of the first asking
 * for 30 s, or for ten times as long as the answer took when that is longer (so that no figure takes more than a
 * tenth of the API's time), and askings at the same moment share one computation. Each answer says when it was
 * computed (`asOf`). Moving the application's clock (a pinned demo clock) forgets every answer; a failed
 * computation is not kept.
 */
import { appClock } from '../../lib/clock/app-clock';

export const FRESH_MS = 30_000;
/** An answer that took longer is kept this many times as long as it took. */
const KEPT_PER_COMPUTING = 10;
/** Questions remembered at most: past it, the answers no longer fresh are dropped first. */
const MAX_ENTRIES = 500;

interface Entry {
  answer: Promise<unknown>;
  /** When the computation started. */
  computedAt: number;
  /** How long the answer is kept from `computedAt`: FRESH_MS, longer once a slow computation has ended. */
  keptFor: number;
}

const entries = new Map<string, Entry>();
appClock.onMove(() => entries.clear());

function dropStale(now: number): void {
  for (const [key, entry] of entries) if (now - entry.computedAt >= entry.keptFor) entries.delete(key);
  // Still full of fresh answers: the oldest go (a Map keeps the order of insertion).
  for (const key of entries.keys()) {
    if (entries.size < MAX_ENTRIES) break;
    entries.delete(key);
  }
}

/** `compute`'s answer with the time it was computed, shared by the same `question` while it is kept. */
export function recentFigures<T extends object>(
  question: string,
  compute: () => Promise<T>,
): Promise<T & { asOf: string }> {
  const now = Date.now();
  const entry = entries.get(question);
  if (entry && now - entry.computedAt < entry.keptFor) return entry.answer as Promise<T & { asOf: string }>;
  if (entries.size >= MAX_ENTRIES) dropStale(now);
  const asOf = appClock.now().toISOString();
  const kept: Entry = { answer: Promise.resolve(), computedAt: now, keptFor: FRESH_MS };
  const answer = compute().then((figures) => {
    kept.keptFor = Math.max(FRESH_MS, KEPT_PER_COMPUTING * (Date.now() - now));
    return { ...figures, asOf };
  });
  kept.answer = answer;
  entries.set(question, kept);
  answer.catch(() => {
    if (entries.get(question)?.answer === answer) entries.delete(question);
  });
  return answer;
}
