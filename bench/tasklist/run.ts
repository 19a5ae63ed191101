/**
 * The tasklist at 10,000 open tasks: seeds them through the engine's API (instances of a small user-task process
 * carrying the case variables the real processes carry), starts the platform, and prints how long the list API
 * takes for a first page (default, by due date, overdue only, warning only) and how long Debian's Chromium takes
 * to a usable first screen (rows and the menu's count shown). The target is 2 s on this machine; figures are
 * printed, never asserted. `npm run bench:tasklist [tasks]`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchBrowser, newPage, signIn } from '../../tests/web/browser-kit';
import { median, ms, runOnPlatform, tasklistLoadVariables, waitUntilListed } from '../bench-kit';
import type { Platform } from '../../tests/platform/platform-kit';

const TASKS = Number(process.argv[2] ?? 10_000);
const IN_FLIGHT = 32;
const ROUNDS = 5;

async function seed(platform: Platform): Promise<void> {
  const zeebe = platform.application.services.camunda.zeebe;
  await zeebe.deployResources([{ processFilename: join(__dirname, '../../tests/web/fixtures/tasklist-load.bpmn') }]);
  const now = Date.now();
  let next = 0;
  const startOne = async (n: number) => {
    const no = String(n).padStart(5, '0');
    await zeebe.createProcessInstance({
      bpmnProcessId: 'tasklist-load',
      variables: tasklistLoadVariables(n, now, { businessKey: `BENCH-${no}`, customerName: `压测客户${no}` }),
    });
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < TASKS) await startOne(next++);
    }),
  );
  console.log(`seeded ${TASKS} instances in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function apiTimes(platform: Platform): Promise<void> {
  const surveyor = await platform.as('wangqiang');
  const queries = {
    'first page (20, by creation)': 'scope=group&size=20',
    'by due date': 'scope=group&size=20&sort=dueDate',
    'overdue only': 'scope=group&size=20&dueState=overdue',
    'step and priority': 'scope=group&size=20&step=visit&priority=low',
    'warning only (walks the tasks due later)': 'scope=group&size=20&dueState=warning',
    'page 400 (from 7,980)': 'scope=group&size=20&page=400',
  };
  console.log('list API (GET /api/tasks), median of', ROUNDS, 'runs:');
  for (const [name, query] of Object.entries(queries)) {
    const times: number[] = [];
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const answer = await surveyor.get(`/tasks?${query}`);
      times.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
      total = answer.body.total;
    }
    console.log(
      `  ${name.padEnd(44)} ${ms(median(times)).padStart(8)}  (max ${ms(Math.max(...times))}, total ${total})`,
    );
  }
}

async function screenTimes(platform: Platform): Promise<void> {
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser, platform.url);
    const usable = async () => {
      await page.locator('[data-testid="task-table"] tbody tr[data-row-key]').first().waitFor({ timeout: 60_000 });
      await page.getByTestId('task-total').waitFor();
      await page.getByTestId('menu-task-count').waitFor();
    };
    const signInStarted = performance.now();
    await signIn(page, 'wangqiang', '/tasks');
    await usable();
    console.log(`first screen in Chromium, sign-in page to usable tasklist: ${ms(performance.now() - signInStarted)}`);
    // Where the time goes: the page's script loaded and run, the list's answer in, the rows shown.
    const phases = { script: [] as number[], list: [] as number[], usable: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const listAnswer = page.waitForResponse((r) => r.url().includes('/api/tasks?scope=group&page='), {
        timeout: 60_000,
      });
      await page.goto('/tasks?scope=group', { waitUntil: 'domcontentloaded' });
      phases.script.push(performance.now() - started);
      await listAnswer;
      phases.list.push(performance.now() - started);
      await usable();
      phases.usable.push(performance.now() - started);
    }
    console.log(
      `first screen in Chromium, /tasks opened (signed in), median of ${ROUNDS}: usable ${ms(median(phases.usable))}` +
        ` (max ${ms(Math.max(...phases.usable))}); page loaded ${ms(median(phases.script))},` +
        ` list answered ${ms(median(phases.list))}`,
    );
    await context.close();
  } finally {
    await browser.close();
  }
}

async function main(platform: Platform): Promise<void> {
  await seed(platform);
  const surveyor = await platform.as('wangqiang');
  await waitUntilListed(async () => (await surveyor.get('/tasks?scope=group&size=1')).body.total, TASKS, 'task');
  await apiTimes(platform);
  await screenTimes(platform);
}

runOnPlatform(main);
