/** Small figures the dashboards share: a mean, a percentile, a share (each null when nothing is counted), a grouping. */

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The nearest-rank percentile (the smallest value with at least p% of the values at or below it): a value that
 * occurred, as a manager reading "90% of surveys took at most …" expects, never one interpolated between two.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Rounded for the answer: durations and shares to three decimals. */
export const rounded = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 1000) / 1000;

/** Counts by key, sorted by key. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count }));
}

/**
 * The items by key, each list in the items' order. Built by pushing: copying a key's list for each new item (as the
 * dashboards once did) took minutes for a month of 75,000 completions of one step, with the API stopped meanwhile.
 */
export function groupedBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
