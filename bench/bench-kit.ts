/**
 * What the platform benches share: a median, a millisecond figure, completing seeded tasks, and waiting until the
 * engine's search lists everything seeded.
 */
import { performance } from 'node:perf_hooks';
import { startPlatform, type Platform } from '../tests/platform/platform-kit';
import { inParallel } from '../tests/support/in-parallel';

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

/**
 * Completes `count` open user tasks that `filter` finds, page by page as the engine's search shows them (it may still
 * list a task just completed for a moment: each is completed once).
 */
export async function completeOpenTasks(platform: Platform, filter: Record<string, unknown>, count: number) {
  const { rest } = platform.application.services.camunda;
  const done = new Set<string>();
  while (done.size < count) {
    const page = await rest.searchUserTasks({
      filter: { ...filter, state: 'CREATED' },
      page: { limit: 1000 },
    } as never);
    const open = page.items.map((task) => String(task.userTaskKey)).filter((key) => !done.has(key));
    if (open.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    await inParallel(open.length, async (i) => {
      await rest.completeUserTask({ userTaskKey: open[i] });
      done.add(open[i]);
    });
  }
}

/** Runs `work` and exits: 0, or 1 with the error printed. */
export function runToExit(work: () => Promise<void>): void {
  work().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Starts the platform, runs `work` on it, stops it and exits: 0, or 1 with the error printed. */
export function runOnPlatform(work: (platform: Platform) => Promise<void>): void {
  runToExit(async () => {
    const platform = await startPlatform();
    try {
      await work(platform);
    } finally {
      await platform.stop();
    }
  });
}

const DAY_MS = 86_400_000;

/**
 * The n-th instance of tests/web/fixtures/tasklist-load.bpmn: the case variables the real processes carry, a
 * surveyor's task at one of two steps, priorities 30/50/80, due from ten days overdue to twenty days ahead of `now`.
 */
export function tasklistLoadVariables(n: number, now: number, names: { businessKey: string; customerName: string }) {
  return {
    ...names,
    address: `上海市浦东新区压测路 ${n} 号`,
    orderType: n % 3 === 0 ? 'fault-repair' : 'consultation',
    groups: ['surveyor'],
    step: n % 4 === 0 ? 'visit' : 'check',
    priority: [30, 50, 50, 80][n % 4],
    dueDate: new Date(now + ((n % 30) - 10) * DAY_MS + 3_600_000).toISOString(),
  };
}
