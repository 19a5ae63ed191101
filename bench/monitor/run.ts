/**
 * The monitor at 100,000 finished and 10,000 running instances: seeds them through the engine's API (gRPC and REST
 * via @camunda8/sdk; instances of a small drawn process with a user task each, the finished ones' tasks completed),
 * starts the platform, and prints how long the instance list and a process's heatmap take, in the API and in Debian's
 * Chromium to a usable screen. The target is 2 s on this machine; figures are printed, never asserted.
 * `npm run bench:monitor [finished] [running]` (e.g. `2000 200` for a quick run).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../../tests/web/browser-kit';
import { completeOpenTasks, median, ms, runOnPlatform, waitUntilListed } from '../bench-kit';
import type { Platform } from '../../tests/platform/platform-kit';
import { inParallel } from '../../tests/support/in-parallel';

const FINISHED = Number(process.argv[2] ?? 100_000);
const RUNNING = Number(process.argv[3] ?? 10_000);
const ROUNDS = 5;
const DAY_MS = 86_400_000;

async function seed(platform: Platform): Promise<void> {
  const { zeebe } = platform.application.services.camunda;
  await zeebe.deployResources([{ processFilename: join(__dirname, '../../tests/web/fixtures/monitor-load.bpmn') }]);
  const now = Date.now();
  const start = (n: number, batch: string) =>
    zeebe.createProcessInstance({
      bpmnProcessId: 'monitor-load',
      variables: {
        businessKey: `BENCH-${batch.toUpperCase()}-${String(n).padStart(6, '0')}`,
        batch,
        route: n % 4 === 0 ? 'visit' : 'check',
        // From ten days overdue to twenty days ahead.
        dueDate: new Date(now + ((n % 30) - 10) * DAY_MS + 3_600_000).toISOString(),
      },
    });
  let started = performance.now();
  await inParallel(RUNNING, (n) => start(n, 'running'));
  console.log(`started ${RUNNING} running instances in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await inParallel(FINISHED, (n) => start(n, 'finished'));
  await completeOpenTasks(
    platform,
    { processDefinitionId: 'monitor-load', processInstanceVariables: [{ name: 'batch', value: '"finished"' }] },
    FINISHED,
  );
  console.log(`seeded ${FINISHED} finished instances in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const QUERIES = {
  'instance list, first page (running and finished)': '/monitor/instances?processId=monitor-load&size=20',
  'running only, by start date': '/monitor/instances?processId=monitor-load&state=running&size=20',
  'overdue only': '/monitor/instances?processId=monitor-load&state=overdue&size=20',
  'finished, oldest first, page 50': '/monitor/instances?processId=monitor-load&state=completed&order=asc&page=50',
  'by case number (part of it)': '/monitor/instances?processId=monitor-load&caseNo=running-00012',
  heatmap: '/monitor/processes/monitor-load/heatmap',
  'processes screen (all counts)': '/monitor/processes',
};

async function apiTimes(platform: Platform): Promise<void> {
  const manager = await platform.as('zhoumin');
  console.log('API, median of', ROUNDS, 'runs:');
  for (const [name, path] of Object.entries(QUERIES)) {
    const times: number[] = [];
    let total: unknown;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const answer = await manager.get(path);
      times.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      total =
        answer.body.total !== undefined
          ? `${answer.body.total}${answer.body.totalAtLeast ? '+' : ''}`
          : (answer.body.steps?.map((s: { active: number }) => s.active).join('/') ?? '');
    }
    console.log(`  ${name.padEnd(50)} ${ms(median(times)).padStart(8)}  (max ${ms(Math.max(...times))}, ${total})`);
  }
}

/** Opens `path` ROUNDS times and prints the median time until `usable` resolves. */
async function screenTime(page: Page, name: string, path: string, usable: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await usable();
    times.push(performance.now() - started);
  }
  console.log(`  ${name.padEnd(50)} ${ms(median(times)).padStart(8)}  (max ${ms(Math.max(...times))})`);
}

async function screenTimes(platform: Platform): Promise<void> {
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser, platform.url);
    await signIn(page, 'zhoumin', '/tasks');
    console.log(`Chromium, opened to usable (signed in), median of ${ROUNDS}:`);
    await screenTime(page, 'instance list', '/monitor/instances?processId=monitor-load', () =>
      page.getByTestId('instance-link').first().waitFor({ timeout: 60_000 }),
    );
    await screenTime(page, 'heatmap', '/monitor/processes/monitor-load/heatmap', () =>
      page.getByTestId('badge-active-check').waitFor({ timeout: 60_000 }),
    );
    await context.close();
  } finally {
    await browser.close();
  }
}

async function main(platform: Platform): Promise<void> {
  await seed(platform);
  const manager = await platform.as('zhoumin');
  // The search counts to 10,000 only: the running ones are counted, and the finished ones are all listed once no
  // task of theirs is open in the search any more (an instance ends in the same command as its one task).
  const { rest } = platform.application.services.camunda;
  await waitUntilListed(
    async () => {
      const open = await rest.searchUserTasks({
        filter: {
          processDefinitionId: 'monitor-load',
          state: 'CREATED',
          processInstanceVariables: [{ name: 'batch', value: '"finished"' }],
        },
        page: { limit: 1 },
      } as never);
      if (Number(open.page.totalItems) > 0) return 0;
      return (await manager.get('/monitor/instances?processId=monitor-load&state=running&size=1')).body.total;
    },
    RUNNING,
    'running instance (every finished one listed)',
  );
  console.log(`${FINISHED} finished and ${RUNNING} running instances in the engine's search`);
  await apiTimes(platform);
  await screenTimes(platform);
}

runOnPlatform(main);
