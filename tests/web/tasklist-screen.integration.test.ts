/**
 * The tasklist screen in Debian's Chromium: the time left in working days in both languages, filters and sorting
 * kept in the URL and applied by the server, a saved view with the new filters opened by its link, and a new task
 * appearing in the open list with the menu's count following, without a reload.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { useBrowser, newPage, screenshot, signIn } from './browser-kit';

let platform: Platform;
let browser: Browser;
usePlatform(async (started) => {
  platform = started;
  await platform.application.services.camunda.zeebe.deployResources([
    { processFilename: join(__dirname, 'fixtures', 'tasklist-load.bpmn') },
  ]);
});
useBrowser((launched) => {
  browser = launched;
});

const china = (local: string) => `${local}+08:00`;

async function startTask(businessKey: string, variables: Record<string, unknown>): Promise<void> {
  await platform.application.services.camunda.zeebe.createProcessInstance({
    bpmnProcessId: 'tasklist-load',
    variables: { businessKey, customerName: `客户${businessKey}`, groups: ['surveyor'], priority: 50, ...variables },
  });
}

const row = (page: Page, caseNo: string) => page.locator('tr', { hasText: caseNo });
const caseNumbers = (page: Page) =>
  page
    .locator('[data-testid="task-table"] tbody tr[data-row-key]')
    .evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').match(/WEB-[A-Z]/)?.[0] ?? ''));

/** Waits until the list shows exactly these cases, in this order (the list answers a changed URL a moment later). */
async function expectCases(page: Page, expected: string[]): Promise<void> {
  const same = async () => JSON.stringify(await caseNumbers(page)) === JSON.stringify(expected);
  await waitFor(same, { timeout: 20_000, interval: 200, description: `rows ${expected.join(', ')}` }).catch(
    () => undefined,
  );
  expect(await caseNumbers(page)).toEqual(expected);
}

/** Picks `option` in the Ant Design select labelled by the form item `label`. */
async function choose(page: Page, id: string, option: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

test('working time left in both languages, filters and sort in the URL, a saved view by link, new tasks coming in', async () => {
  // Wednesday Dec 16 noon: A is due at the end of Friday (2.5 working days), B was due Tuesday noon (1 owed).
  await platform.pinClock(china('2026-12-16T12:00:00'));
  await startTask('WEB-A', { step: 'visit', priority: 80, dueDate: china('2026-12-19T00:00:00') });
  await startTask('WEB-B', { priority: 30, dueDate: china('2026-12-15T12:00:00') });
  await startTask('WEB-C', { dueDate: china('2026-12-31T00:00:00') });
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'wangqiang', '/tasks?scope=group&processId=tasklist-load');
    await row(page, 'WEB-C').waitFor({ timeout: 30_000 });
    expect(await row(page, 'WEB-A').getByTestId('time-limit').innerText()).toBe('正常 · 剩余 2.5 个工作日');
    expect(await row(page, 'WEB-B').getByTestId('time-limit').innerText()).toBe('超期 · 已超期 1 个工作日');
    await screenshot(page, 'tasklist-working-time-zh');

    // Filters: each choice goes into the URL and the server answers the narrower list.
    await choose(page, 'filter-priority', '高');
    await page.waitForURL(/priority=high/);
    await expectCases(page, ['WEB-A']);
    await choose(page, 'filter-priority', '低');
    await expectCases(page, ['WEB-B']);
    await page.goto('/tasks?scope=group&processId=tasklist-load');
    await row(page, 'WEB-C').waitFor();
    await choose(page, 'filter-step', '上门服务');
    await page.waitForURL(/step=visit/);
    await expectCases(page, ['WEB-A']);

    // Sort by due date on the server: B (overdue) first, C (end of the month) last; then the other way.
    await page.goto('/tasks?scope=group&processId=tasklist-load');
    await row(page, 'WEB-C').waitFor();
    await page.getByRole('columnheader', { name: '到期时间' }).click();
    await page.waitForURL(/sort=dueDate/);
    await expectCases(page, ['WEB-B', 'WEB-A', 'WEB-C']);
    await page.getByRole('columnheader', { name: '到期时间' }).click();
    await page.waitForURL(/order=desc/);
    await expectCases(page, ['WEB-C', 'WEB-A', 'WEB-B']);

    // A saved view with the new filters (priority, due range), opened by its link.
    const surveyor = await platform.as('wangqiang');
    const saved = await surveyor.post('/views', {
      name: '本周到期的低优先级',
      list: 'tasks',
      query: 'scope=group&processId=tasklist-load&priority=low&dueFrom=2026-12-14&dueTo=2026-12-20',
    });
    expect(saved.status).toBe(201);
    await page.goto(`/tasks?view=${saved.body.id}`);
    await page.waitForURL(/priority=low/);
    const opened = new URL(page.url()).searchParams;
    expect([opened.get('dueFrom'), opened.get('dueTo')]).toEqual(['2026-12-14', '2026-12-20']);
    await expectCases(page, ['WEB-B']);
    await screenshot(page, 'tasklist-saved-view-filters');

    // A new task comes to the open list and to the menu's count without a reload.
    await page.goto('/tasks?scope=group&processId=tasklist-load');
    await row(page, 'WEB-C').waitFor();
    const count = page.getByTestId('menu-task-count');
    const before = Number(await count.innerText());
    await startTask('WEB-D', { dueDate: china('2026-12-31T00:00:00') });
    await row(page, 'WEB-D').waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="menu-task-count"]')?.textContent) === n,
      before + 1,
      { timeout: 30_000 },
    );

    // The same words in English.
    await page.getByTestId('language-switch').click();
    await page.getByRole('tab', { name: "My groups' tasks" }).waitFor();
    expect(await row(page, 'WEB-A').getByTestId('time-limit').innerText()).toBe('On time · 2.5 working days left');
    expect(await row(page, 'WEB-B').getByTestId('time-limit').innerText()).toBe('Overdue · overdue by 1 working day');
    await screenshot(page, 'tasklist-working-time-en');
  } finally {
    await context.close();
  }
}, 240_000);

// The functions given to page.waitForFunction run in the browser; the type check (Node's lib, no DOM) sees this name.
declare const document: any;
