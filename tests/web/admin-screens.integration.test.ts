/**
 * The administrators' screens in Chromium: a holiday entered on the business calendar moves the due date of a
 * new task (and of the open one), next year's missing schedule is warned about until it is confirmed, a user
 * created on the users screen signs in with the temporary password shown there, and a clerk finds none of these
 * screens, neither in the menu nor by URL.
 */
import type { Browser, Page } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { expectOpenTasks, hvApplication, submit } from '../business-expansion/business-expansion-kit';
import { chooseInModal, newPage, screenshot, signIn, useBrowser } from './browser-kit';
import { waitFor } from '../support/wait-for';

// The function given to page.waitForFunction runs in the browser; the type check (Node's lib, no DOM) sees this name.
declare const location: any;

const ADMIN_SCREENS = ['users', 'units', 'calendar', 'ruleTables', 'audit', 'notifications'];
const ADMIN_PATHS = ['/users', '/units', '/calendar', '/rule-tables', '/audit', '/notifications'];

let platform: Platform;
let browser: Browser;
usePlatform(async (started) => {
  platform = started;
  // Monday 1 March 2027: a 10 kV survey (2 working days) is due at the end of Wednesday 3 March.
  await platform.pinClock('2027-03-01T09:00:00+08:00');
});
useBrowser((launched) => {
  browser = launched;
});

async function surveyDueDate(name: string): Promise<string> {
  const { applicationNo } = await submit(platform, hvApplication(name));
  const [survey] = await expectOpenTasks(platform, applicationNo, ['survey']);
  return new Date(survey.dueDate).toISOString();
}

async function withPage(login: string, run: (page: Page) => Promise<void>, name: string): Promise<void> {
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, login);
    await run(page);
    await screenshot(page, name);
  } catch (failure) {
    await screenshot(page, `failed-${name}`);
    throw failure;
  } finally {
    await context.close();
  }
}

test('a holiday entered on the calendar screen moves a new task’s due date, and the open one’s', async () => {
  const before = await surveyDueDate('上海浦东节假日前有限公司');
  expect(before).toBe('2027-03-03T16:00:00.000Z');
  await withPage(
    'admin',
    async (page) => {
      await page.getByTestId('menu-calendar').click();
      await page.getByTestId('calendar-add').click();
      await page.getByTestId('day-date').fill('2027-03-02');
      await page.getByTestId('day-name').fill('电网检修停工日');
      await page.getByTestId('day-form-save').click();
      // One open task (the first case's survey) had its due date moved.
      await page.getByText('1 个待办任务').waitFor();
      await page.locator('[data-testid=calendar-days] tr:has-text("2027-03-02")').waitFor();
    },
    'admin-calendar-holiday',
  );
  const after = await surveyDueDate('上海浦东节假日后有限公司');
  expect(after).toBe('2027-03-04T16:00:00.000Z');
  const audit = await (await platform.as('admin')).get('/audit?actor=admin&action=calendar.');
  expect(audit.body.items).toEqual([
    expect.objectContaining({
      action: 'calendar.day-set',
      target: 'calendar:2027-03-02',
      detail: { kind: 'holiday', name: '电网检修停工日', recomputed: { tasks: 1, cases: expect.any(Number) } },
    }),
  ]);
}, 120_000);

test('next year’s missing schedule is warned about until the administrator confirms it', async () => {
  const admin = await platform.as('admin');
  // Whatever the seed holds for 2028, start from a year not confirmed.
  await admin.delete('/calendar/years/2028');
  await withPage(
    'admin',
    async (page) => {
      await page.goto('/calendar?year=2028');
      await page.getByTestId('next-year-missing').filter({ hasText: '2028' }).waitFor();
      await page.getByTestId('calendar-publish').click();
      await page.getByTestId('year-form').getByRole('textbox').fill('国务院办公厅关于2028年部分节假日安排的通知');
      await page.getByTestId('year-form-save').click();
      await page.getByTestId('next-year-missing').waitFor({ state: 'detached' });
    },
    'admin-calendar-next-year',
  );
  const years = (await admin.get('/calendar/years')).body.items as any[];
  expect(years.find((y) => y.year === 2028)).toMatchObject({ published: true, enteredBy: 'admin' });
}, 120_000);

test('a user created on the users screen signs in with the temporary password shown once', async () => {
  let password = '';
  await withPage(
    'admin',
    async (page) => {
      await page.goto('/users');
      await page.getByTestId('user-new').click();
      // A password the policy refuses is named on its field.
      await page.getByTestId('user-form-login').fill('zhouxin');
      await page.getByTestId('user-form-name').fill('周欣');
      await page.getByTestId('user-password').fill('short');
      await page.getByTestId('user-form-save').click();
      await page.locator('[data-testid=user-form] .ant-form-item-explain-error').first().waitFor();
      await page.getByRole('button', { name: /重新生成/ }).click();
      await chooseInModal(page, '岗位', '营业受理员');
      await page.getByTestId('user-form-save').click();
      password = (await page.getByTestId('temporary-password').innerText()).trim();
      // The list is asked of the server page by page; a search for the new login leaves its one row.
      await page.locator('#filter-q').fill('zhouxin');
      await page.getByTestId('user-filters-search').click();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'zhouxin');
      const rows = page.getByTestId('user-table').locator('.ant-table-row');
      await waitFor(async () => (await rows.count()) === 1 && (await rows.first().innerText()).includes('周欣'), {
        description: 'the one row of the user found',
      });
    },
    'admin-user-created',
  );
  expect(password).toMatch(/^(?=.*[a-zA-Z])(?=.*\d)[a-zA-Z\d]{12}$/);
  const { context, page } = await newPage(browser, platform.url);
  try {
    await page.goto('/tasks');
    await page.getByLabel('用户名').fill('zhouxin');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('menu-acceptExpansion').waitFor();
    await screenshot(page, 'admin-new-user-signed-in');
  } finally {
    await context.close();
  }
  const audit = await (await platform.as('admin')).get('/audit?action=user.create&target=user:zhouxin');
  expect(audit.body.items).toHaveLength(1);
}, 120_000);

test('a clerk finds no administrator screen in the menu and none by URL', async () => {
  await withPage(
    'zhangli',
    async (page) => {
      const menu = page.getByTestId('main-menu');
      await menu.getByTestId('menu-tasks').waitFor();
      for (const key of ADMIN_SCREENS) expect(await menu.getByTestId(`menu-${key}`).count()).toBe(0);
      for (const path of ADMIN_PATHS) {
        await page.goto(path);
        await page.locator('.ant-result-404').waitFor();
      }
    },
    'clerk-no-admin-screens',
  );
  const clerk = await platform.as('zhangli');
  expect((await clerk.get('/audit')).status).toBe(403);
  expect((await clerk.get('/admin/rule-tables')).status).toBe(403);
  expect((await clerk.put('/calendar/days/2027-03-09', { kind: 'holiday', name: 'x' })).status).toBe(403);
}, 120_000);
