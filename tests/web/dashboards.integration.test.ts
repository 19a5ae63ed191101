/**
 * The managers' dashboards in Debian's Chromium against figures the test computes from the API: 95598 orders and
 * their tasks seeded through the API on a pinned clock, the step durations (mean and 90th percentile) from the
 * tasks' own creation and completion times, the orders per type from the order list, the overdue list's total from
 * the tasklist's overdue and warning tasks; a table exported and the downloaded file read back; and a clerk who
 * finds the screens neither in the menu nor by URL, and whose API calls are refused.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { complete, createOrder, startWorkOrderPlatform, type Created } from '../work-orders/work-order-kit';
import { newPage, signIn, useBrowser } from './browser-kit';

let platform: Platform;
let browser: Browser;
const orders: Created[] = [];
const answeredTasks: any[] = [];
const PERIOD = 'from=2026-03-01&to=2026-03-31';

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock('2026-03-02T09:00:00+08:00');
  for (const orderType of ['consultation', 'consultation', 'fault-repair'])
    orders.push(await createOrder(platform, orderType === 'consultation' ? { orderType, subType: undefined } : {}));
  // The two consultations are answered 2 h and 3 h after they were taken: both tasks are open (created at 09:00)
  // before the clock moves on.
  const tasks = [
    await platform.openTask(orders[0].processInstanceKey, 'agent-answer'),
    await platform.openTask(orders[1].processInstanceKey, 'agent-answer'),
  ];
  for (const [index, at] of ['2026-03-02T11:00:00+08:00', '2026-03-02T12:00:00+08:00'].entries()) {
    const [order, task] = [orders[index], tasks[index]];
    await platform.pinClock(at);
    await complete(platform, order, 'agent-answer', { answer: '可通过网上国网缴费', answerResolved: true });
    answeredTasks.push((await (await platform.as('admin')).get(`/tasks/${task.userTaskKey}`)).body);
  }
}, startWorkOrderPlatform);
useBrowser((launched) => (browser = launched));

const cellsOf = async (page: Page, figure: string) =>
  page
    .getByTestId(`figure-${figure}`)
    .locator('.ant-table-tbody tr.ant-table-row')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim())));

/** Nearest-rank percentile, as the dashboards define it (decision 0039), computed here on its own. */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

test('the manager reads step durations, 95598 orders and the overdue list as the API computes them', async () => {
  const hours = answeredTasks.map((task) => (Date.parse(task.completionDate) - Date.parse(task.creationDate)) / 3.6e6);
  expect(hours).toEqual([2, 3]);
  const mean = hours.reduce((a, b) => a + b, 0) / hours.length;
  const limited = answeredTasks.filter((task) => task.dueDate);
  const onTime = limited.filter((task) => Date.parse(task.completionDate) <= Date.parse(task.dueDate)).length;
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'zhoumin', `/dashboards?tab=steps&${PERIOD}`);
    await page.getByTestId('figure-steps').locator('.ant-table-row').first().waitFor();
    const step = (await cellsOf(page, 'steps')).find((cells) => cells[0] === answeredTasks[0].name);
    expect(step).toEqual([
      answeredTasks[0].name,
      String(hours.length),
      `${onTime} / ${limited.length}`,
      limited.length ? `${((onTime / limited.length) * 100).toFixed(1)}%` : '—',
      mean.toFixed(1),
      nearestRank(hours, 90).toFixed(1),
    ]);
    await page.getByTestId('figure-steps').getByTestId('bar-chart').locator('canvas').waitFor();

    // Orders per type: the screen against the order list the manager's API gives.
    const list = (await (await platform.as('zhoumin')).get(`/work-orders?${PERIOD}`)).body.items as any[];
    const perType = new Map<string, number>();
    for (const order of list) perType.set(order.orderType, (perType.get(order.orderType) ?? 0) + 1);
    expect(perType).toEqual(
      new Map([
        ['consultation', 2],
        ['fault-repair', 1],
      ]),
    );
    await page.getByRole('tab', { name: '95598 工单' }).click();
    await page.getByTestId('figure-orders-type').locator('.ant-table-row').first().waitFor();
    const typeRows = await cellsOf(page, 'orders-type');
    expect(typeRows).toEqual([
      ['咨询', String(perType.get('consultation'))],
      ['故障报修', String(perType.get('fault-repair'))],
    ]);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('workOrders');

    // The export is the table: BOM first (Excel reads UTF-8), then the heading and the same rows.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-orders-type').click(),
    ]);
    expect(download.suggestedFilename()).toBe('orders-type.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toEqual(['工单类型,工单数', ...typeRows.map((cells) => cells.join(','))]);

    // The overdue list: as many as the tasklist counts overdue and near-limit open tasks.
    const admin = await platform.as('admin');
    const tasklistTotal = async (dueState: string) =>
      (await admin.get(`/tasks?scope=group&dueState=${dueState}&size=1`)).body.total as number;
    const expected = (await tasklistTotal('overdue')) + (await tasklistTotal('warning'));
    await page.goto('/overdue');
    await page.getByTestId('overdue-total').waitFor();
    expect(await page.getByTestId('overdue-total').innerText()).toBe(`共 ${expected} 个任务`);
    if (expected > 0) {
      const href = await page.getByTestId('overdue-task-link').first().getAttribute('href');
      expect(href).toMatch(/^\/tasks\/\d+$/);
    }
  } finally {
    await context.close();
  }
}, 120_000);

test('a clerk finds no dashboard in the menu, gets "not found" by URL and 403 from the API', async () => {
  const clerk = await platform.as('wangqiang');
  for (const path of [`/dashboards/compliance?${PERIOD}`, '/dashboards/overdue', '/dashboards/backlog'])
    expect((await clerk.get(path)).status).toBe(403);
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'wangqiang');
    const menu = page.getByTestId('main-menu');
    await expect(menu.getByText('统计看板').count()).resolves.toBe(0);
    await expect(menu.getByText('超期清单').count()).resolves.toBe(0);
    for (const path of ['/dashboards', '/overdue']) {
      await page.goto(path);
      await page.getByText('404').waitFor();
    }
  } finally {
    await context.close();
  }
}, 60_000);
