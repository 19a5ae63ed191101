/**
 * The billing screens in Debian's Chromium against the whole platform: a billing clerk opens 抄表核算, starts a run
 * for a section, uploads the collection system's file (the progress bar, then the bad line by its number), sees the
 * anomaly with its task; the anomaly is settled and the review passed through the API, as the cycle test does; the
 * clerk sees the bills with the flagged ones first, opens one and reads its lines, whose sum is the total shown and
 * the amount the API answers. Every figure is compared with what the API says, none typed here.
 */
import type { Browser, Page } from 'playwright-core';
import type { Platform } from '../platform/platform-kit';
import { seedScreenSection, useBillingCyclePlatform, waitForRunState } from '../billing/billing-kit';
import { newPage, screenshot, signIn, useBrowser } from './browser-kit';

let platform: Platform;
let browser: Browser;
useBillingCyclePlatform('2026-12-03T02:00:00Z', (started) => {
  platform = started;
});
useBrowser((launched) => {
  browser = launched;
});

/** "1,234.56 元" → 123456 fen. */
const fenOf = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);

async function chooseInSelect(page: Page, id: string, option: string) {
  await page.locator(`#${id}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

test('a billing clerk runs a section on the screens: import with progress, anomaly, bills flagged first, a bill that adds up', async () => {
  const code = `BW${process.pid % 10_000}`;
  const section = await seedScreenSection(platform, code);
  const clerk = await platform.as('jiangwen');
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'jiangwen');
    await page.getByTestId('menu-billingRuns').click();
    await page.getByRole('heading', { name: '抄表核算' }).waitFor();

    await chooseInSelect(page, 'run-section', code);
    await page.locator('#run-period').click();
    await page.locator('#run-period').fill('2026-11');
    // Enter takes the typed month and sends the form, as the start button does.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/billing\/runs\/CB202611-/);
    const runNo = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const run = (await clerk.get(`/billing/runs/${runNo}`)).body;
    expect(run).toMatchObject({ sectionId: section.sectionId, period: '2026-11' });
    await page.getByTestId('run-figures').getByText(code).waitFor();

    // The file with its bad fifth line: the progress bar, then the result.
    await page.locator('#reading-file').setInputFiles({
      name: 'readings.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(section.csv),
    });
    await page.getByTestId('reading-import-button').click();
    await page.getByTestId('import-progress').waitFor();
    await page.locator('[data-testid=import-result][data-status=done]').waitFor();
    const bar = page.locator(
      '[data-testid=import-progress][role=progressbar], [data-testid=import-progress] [role=progressbar]',
    );
    expect(await bar.first().getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, 'billing-run-imported');
    const lastImport = (await clerk.get(`/billing/readings?accountId=${section.steady.accountId}&period=2026-11`)).body
      .items[0];
    const imported = (await clerk.get(`/billing/reading-imports/${lastImport.importId}`)).body;
    expect(await page.getByTestId('import-saved').innerText()).toBe(String(imported.rowsSaved));
    expect(await page.getByTestId('import-bad').innerText()).toBe(String(imported.rowsBad));
    const badRows = page.getByTestId('import-errors').locator('.ant-table-row');
    expect(await badRows.count()).toBe(imported.errors.length);
    expect(await badRows.first().innerText()).toContain(String(imported.errors[0].line));
    expect(await badRows.first().innerText()).toContain('kvah');

    // The readings step done: the anomaly is listed, linked to its task.
    await platform.completeTask('fangming', run.processInstanceKey, 'readings', { readingsComplete: true });
    const task = await platform.openTask(run.processInstanceKey, 'resolve_anomaly');
    await page.reload();
    const anomaly = page.getByTestId('run-anomalies').locator('.ant-table-row', { hasText: section.jumping.accountNo });
    await anomaly.getByText('电量突变').waitFor();
    const link = anomaly.getByRole('link');
    for (let attempt = 0; attempt < 10 && (await link.getAttribute('href')) !== `/tasks/${task.userTaskKey}`; attempt++)
      await page.reload().then(() => link.waitFor());
    expect(await link.getAttribute('href')).toBe(`/tasks/${task.userTaskKey}`);

    // Settled as the cycle test settles it; the bills computed and flagged.
    await platform.completeTask('fangming', run.processInstanceKey, 'resolve_anomaly', {
      anomalyAction: 're-read',
      anomalyValue: section.reread,
      anomalyReason: '现场重抄',
    });
    await platform.openTask(run.processInstanceKey, 'review_bills', 20_000);
    const bills = (await clerk.get(`/billing/runs/${runNo}/bills`)).body.items;
    expect(bills[0].flagReasons.length).toBeGreaterThan(0);
    const rows = page.getByTestId('run-bills').locator('.ant-table-row');
    await rows.nth(bills.length - 1).waitFor();
    const shown = await rows.allInnerTexts();
    expect(shown.map((text) => bills.findIndex((bill: any) => text.includes(bill.accountNo)))).toEqual(
      bills.map((_: unknown, index: number) => index),
    );
    expect(shown[0]).toMatch(/抽检|金额超限|较上月变化大/);
    const changedRow = rows.filter({ hasText: section.changed.accountNo });
    await changedRow.getByText('较上月变化大').waitFor();
    await screenshot(page, 'billing-run-bills');

    // Passed and issued; the first flagged bill opened from the list.
    await platform.completeTask('yuhong', run.processInstanceKey, 'review_bills', { billReview: 'approve' });
    await waitForRunState(platform, runNo, 'notified');
    await page.reload();
    await rows.first().getByText('已发行').waitFor();
    await rows.first().getByRole('link', { name: '查看' }).click();
    await page.waitForURL(`**/billing/bills/${bills[0].id}`);
    const statement = (await clerk.get(`/billing/bills/${bills[0].id}/statement`)).body;
    const lineRows = page.getByTestId('bill-lines').locator('.ant-table-row');
    await lineRows.nth(statement.lines.length - 1).waitFor();
    expect(await lineRows.count()).toBe(statement.lines.length);
    const lineFen = (await page.getByTestId('bill-line-amount').allInnerTexts()).map(fenOf);
    expect(lineFen).toEqual(statement.lines.map((line: any) => line.amountFen));
    const sum = lineFen.reduce((total, fen) => total + fen, 0);
    expect(fenOf(await page.getByTestId('bill-lines-total').innerText())).toBe(sum);
    expect(fenOf(await page.getByTestId('bill-amount').innerText())).toBe(sum);
    expect(sum).toBe(statement.amountFen);
    await page.getByTestId('account-holder').getByText(statement.accountNo).waitFor();
    await screenshot(page, 'billing-bill');
  } finally {
    await context.close();
  }
}, 180_000);
