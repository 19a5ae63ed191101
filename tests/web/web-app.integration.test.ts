/**
 * The web app in Debian's Chromium against the whole platform (engine process, application, API on a free port
 * serving the built app): what each role's menu shows, a 业扩 case's survey and supply scheme done by the UI alone
 * (the form's checks on its fields, counted as the server counts them), new tasks appearing in an open list, session expiry and
 * return, the language switch, and axe-core on the sign-in page and the tasklist.
 */
import type { Browser, Page } from 'playwright-core';
import { seedBillingDemoUsers } from '../../platform/seed/billing-demo';
import { uploadRequiredDocuments, usePlatform, type Platform } from '../platform/platform-kit';
import { expectOpenTasks, hvApplication, submit } from '../business-expansion/business-expansion-kit';
import { pdfText } from '../support/pdf-text';
import { waitFor } from '../support/wait-for';
import {
  chineseOutsideData,
  useBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './browser-kit';
import { chooseOption } from './walk-kit';

// The function given to page.evaluate runs in the browser; the type check (Node's lib, no DOM) sees this name.
declare const localStorage: any;

let platform: Platform;
let browser: Browser;
usePlatform(async (started) => {
  platform = started;
  await seedBillingDemoUsers();
});
useBrowser((launched) => {
  browser = launched;
});

async function menuKeys(page: Page): Promise<string[]> {
  await page.getByTestId('menu-tasks').waitFor();
  return page
    .locator('[data-testid^="menu-"]:not([data-testid="menu-task-count"])')
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-testid')!.slice('menu-'.length)));
}

/** The tasklist's row of a case's task, once the (polling) list shows it. */
const taskRow = (page: Page, caseNo: string) => page.locator('tr', { hasText: caseNo });

test('the API port serves the app, deep links fall back to it and /api stays JSON', async () => {
  const page = await fetch(`${platform.url}/`);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const deepLink = await fetch(`${platform.url}/tasks/2251799813685249?x=1`);
  expect(deepLink.status).toBe(200);
  expect(await deepLink.text()).toContain('<div id="root">');
  const api = await fetch(`${platform.url}/api/no-such-route`);
  expect(api.headers.get('content-type')).toMatch(/application\/json/);
  expect(api.status).toBe(401);
});

test.each([
  [
    'wangqiang',
    ['tasks', 'myCases'],
    ['cases', 'users', 'acceptExpansion', 'newWorkOrder', 'monitorInstances', 'models'],
  ],
  [
    'zhoumin',
    [
      'tasks',
      'cases',
      'monitorProcesses',
      'monitorInstances',
      'myCases',
      'dashboards',
      'overdue',
      'billingRules',
      'billingRuns',
      'billingBills',
    ],
    ['users', 'acceptExpansion', 'units', 'audit', 'models', 'collectionCounter'],
  ],
  [
    'admin',
    [
      'tasks',
      'cases',
      'monitorProcesses',
      'monitorInstances',
      'users',
      'acceptExpansion',
      'acceptChange',
      'newWorkOrder',
      'myCases',
      'dashboards',
      'overdue',
      'units',
      'calendar',
      'ruleTables',
      'billingRules',
      'billingRuns',
      'billingBills',
      'audit',
      'notifications',
      'models',
      'collectionCounter',
      'collectionBankFiles',
      'collectionArrears',
    ],
    [],
  ],
  [
    'zhangli',
    ['tasks', 'acceptExpansion', 'acceptChange', 'myCases'],
    ['cases', 'users', 'newWorkOrder', 'dashboards', 'models', 'billingRuns', 'billingBills'],
  ],
  ['jiangwen', ['tasks', 'myCases', 'billingRules', 'billingRuns', 'billingBills'], ['users', 'collectionCounter']],
  ['fangming', ['tasks', 'myCases', 'billingRuns'], ['billingRules', 'billingBills', 'users']],
  ['huangyan', ['tasks', 'myCases', 'models'], ['cases', 'users', 'monitorInstances', 'dashboards', 'audit']],
])(
  '%s sees the menu entries %j and not %j',
  async (login, visible, hidden) => {
    const { context, page } = await newPage(browser, platform.url);
    try {
      await signIn(page, login);
      const keys = await menuKeys(page);
      expect(keys).toEqual(visible);
      for (const key of hidden) expect(keys).not.toContain(key);
      await screenshot(page, `menu-${login}`);
      if (hidden.includes('users')) {
        await page.goto('/users');
        await page.getByText('页面不存在').waitFor();
      }
    } finally {
      await context.close();
    }
  },
  60_000,
);

test('sign-in page: axe finds nothing serious, a wrong password says so in the chosen language', async () => {
  const { context, page } = await newPage(browser, platform.url);
  try {
    await page.goto('/tasks?scope=unassigned');
    await page.getByLabel('用户名').waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe('/tasks?scope=unassigned');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await page.getByLabel('用户名').fill('wangqiang');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'wrong login or password' }).waitFor();
  } finally {
    await context.close();
  }
}, 60_000);

test('a 业扩 case by the UI: survey by wangqiang (form checks on its field), scheme by liuyang', async () => {
  const { applicationNo } = await submit(platform, hvApplication('上海浦东网页测试机械有限公司'));
  const surveyor = await newPage(browser, platform.url);
  const designer = await newPage(browser, platform.url);
  try {
    // The designer's list is open before the case reaches the scheme: the task must come to it without a reload.
    await signIn(designer.page, 'liuyang', '/tasks?scope=group');
    await designer.page.getByTestId('task-total').waitFor();
    const designerCountBefore = Number(await designer.page.getByTestId('menu-task-count').innerText());

    const page = surveyor.page;
    await signIn(page, 'wangqiang', '/tasks?scope=group');
    const row = taskRow(page, applicationNo);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('上海浦东网页测试机械有限公司');
    expect(await row.innerText()).toContain('现场勘查');
    expect(await row.locator('[data-due-state]').getAttribute('data-due-state')).toMatch(/ok|warning|overdue/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'tasklist-surveyor');
    await row.getByRole('button', { name: /认\s*领/ }).click();
    await page.getByText('已认领').first().waitFor();
    // The survey's site photo, uploaded beforehand: the form's checks are this test's subject (the upload from the
    // task page is required-documents.integration.test.ts's).
    const [surveyTask] = await expectOpenTasks(platform, applicationNo, ['survey']);
    await uploadRequiredDocuments(await platform.as('wangqiang'), surveyTask.userTaskKey);
    await row.getByRole('link', { name: '办理' }).click();
    await page.waitForURL(/\/tasks\/\d+$/);
    const form = page.getByTestId('task-form');
    await form.getByLabel('勘查意见').waitFor();
    await page.getByTestId('case-summary').getByText(applicationNo).waitFor();

    const fieldError = form
      .locator('.fjs-form-field', { has: page.getByLabel('勘查意见') })
      .locator('.fjs-form-field-error');
    // The browser's own check (form-js) speaks the chosen language: the empty required field.
    await page.getByTestId('complete-task').click();
    await fieldError.filter({ hasText: '必填项' }).waitFor();

    // form-js counts the trimmed text, and so does the server (decision 0027): one character between blanks is
    // too short for both.
    await form.getByLabel('勘查意见').fill(`  好${' '.repeat(20)}`);
    await page.getByTestId('complete-task').click();
    await fieldError.filter({ hasText: '至少 2 个字符' }).waitFor();
    await screenshot(page, 'task-survey-too-short');

    await form.getByLabel('勘查意见').fill('现场具备接电条件');
    await page.getByTestId('complete-task').click();
    await page.waitForURL(/\/tasks$/);

    // The scheme step reaches the designer's open list and menu count by polling.
    const schemeRow = taskRow(designer.page, applicationNo);
    await schemeRow.waitFor({ timeout: 30_000 });
    expect(await schemeRow.innerText()).toContain('编制供电方案');
    await designer.page
      .getByTestId('menu-task-count')
      .filter({ hasText: String(designerCountBefore + 1) })
      .waitFor();
    await screenshot(designer.page, 'tasklist-designer');
    await schemeRow.getByTestId('task-link').click();
    const schemeForm = designer.page.getByTestId('task-form');
    await schemeForm.getByLabel('电源点（变电站/线路/开关）').waitFor();
    await chooseOption(schemeForm, '线路类型', '架空线路');
    await chooseOption(schemeForm, '外部工程建设方', '供电企业');
    await schemeForm.getByLabel('电源点（变电站/线路/开关）').fill('张江 110kV 变电站 10kV II 段 #15 开关');
    await screenshot(designer.page, 'task-supply-scheme');
    await designer.page.getByTestId('complete-task').click();
    await designer.page.waitForURL(/\/tasks$/);

    // The case view reads the engine's search, which follows the completion a moment later.
    const admin = await platform.as('admin');
    await waitFor(
      async () => {
        const scheme = await admin.get(`/business-expansion/applications/${applicationNo}`);
        const open: string[] = scheme.body.currentTasks.map((task: { elementId: string }) => task.elementId);
        return !open.includes('survey') && !open.includes('supply-scheme');
      },
      { description: 'the survey and the scheme no longer open in the case view' },
    );
  } catch (failure) {
    await screenshot(surveyor.page, 'failed-surveyor');
    await screenshot(designer.page, 'failed-designer');
    throw failure;
  } finally {
    await surveyor.context.close();
    await designer.context.close();
  }
}, 150_000);

test('documents, notices and progress beside a task: a photo uploaded, the receipt printed, the diagram and history shown', async () => {
  const { applicationNo } = await submit(platform, hvApplication('上海浦东网页资料测试有限公司'));
  const [task] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'wangqiang', `/tasks/${task.userTaskKey}`);
    const card = page.getByTestId('case-documents');
    await card.getByText('尚未上传资料').waitFor();
    await card.getByLabel('资料类型').click();
    await page.locator('.ant-select-item-option', { hasText: '现场照片' }).click();
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片-1.png', mimeType: 'image/png', buffer: PNG });
    await card.getByText('现场照片-1.png').waitFor();
    expect(await card.innerText()).toContain('现场照片 · 1 KB · wangqiang');

    // A file that is not an image or a PDF is refused with the server's words.
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('MZ') });
    await page.getByTestId('documents-problem').filter({ hasText: '只接受 PDF、PNG 或 JPEG 文件' }).waitFor();

    const printed = page.waitForResponse((response) => response.url().endsWith('/notices/acceptance-receipt'));
    await card.getByTestId('print-acceptance-receipt').click();
    const response = await printed;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(Number(response.headers()['content-length'])).toBeGreaterThan(10_000);
    // The page read the body into the tab it opened; the same request, made again, is what a reader opens.
    const again = await (await platform.as('wangqiang')).fetch(new URL(response.url()).pathname.replace(/^\/api/, ''));
    const { text } = await pdfText(Buffer.from(await again.arrayBuffer()));
    expect(text).toContain(applicationNo);
    expect(text).toContain('上海浦东网页资料测试有限公司');
    // Below: the case's diagram with the open step marked, and its history naming the open survey.
    const progress = page.getByTestId('case-progress');
    await progress.locator('.case-active').first().waitFor();
    expect(await progress.locator('.bjs-powered-by').count()).toBe(1);
    await progress.getByRole('tab', { name: '办理记录' }).click();
    await progress.getByTestId('case-history').getByText('现场勘查').waitFor();
    expect(await progress.getByTestId('case-history').innerText()).toContain('办理中');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'task-documents-and-notices');
  } catch (failure) {
    await screenshot(page, 'failed-documents');
    throw failure;
  } finally {
    await context.close();
  }
}, 120_000);

test('a saved view shared with the unit opens by its link for a colleague, with its filters', async () => {
  const clerk = await newPage(browser, platform.url);
  const manager = await newPage(browser, platform.url);
  try {
    await signIn(clerk.page, 'zhangli', '/tasks?scope=group&dueState=overdue&sort=dueDate');
    await clerk.page.getByTestId('save-view').click();
    const dialog = clerk.page.getByRole('dialog');
    await dialog.getByLabel('视图名称').fill('浦东逾期');
    await dialog.getByLabel('共享给').click();
    await clerk.page.locator('.ant-select-item-option', { hasText: '单位：浦东供电公司' }).click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await clerk.page.getByText('视图已保存：浦东逾期').waitFor();
    const link = (await clerk.page.getByTestId('view-link').getAttribute('data-link'))!;
    expect(link).toMatch(/\/tasks\?view=\d+$/);

    await signIn(manager.page, 'zhoumin', new URL(link).pathname + new URL(link).search);
    await manager.page.waitForURL(/dueState=overdue/);
    expect(new URL(manager.page.url()).searchParams.get('sort')).toBe('dueDate');
    await manager.page.getByTestId('task-total').waitFor();
    await screenshot(manager.page, 'tasklist-saved-view');
  } finally {
    await clerk.context.close();
    await manager.context.close();
  }
}, 90_000);

/** A PNG's signature and some bytes: what the server detects an image by. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 1)]);

test('a session that the API no longer accepts ends with a message, and signing in returns to the same list', async () => {
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'wangqiang', '/tasks?scope=mine');
    // A token signed with another secret is what the API sees after a restart with a new APP_AUTH_SECRET.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('pmp.session')!);
      session.token = `${session.token.split('.')[0]}.not-the-signature`;
      localStorage.setItem('pmp.session', JSON.stringify(session));
    });
    await page.goto('/tasks?scope=completed');
    await page.getByText('登录已过期').waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe('/tasks?scope=completed');
    await screenshot(page, 'session-expired');
    await page.getByLabel('用户名').fill('wangqiang');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/tasks\?scope=completed$/);
    await page.getByRole('tab', { name: '我已完成', selected: true }).waitFor();
  } finally {
    await context.close();
  }
}, 60_000);

test('English: no Chinese left on the tasklist but data, remembered over a reload, and back', async () => {
  const { context, page } = await newPage(browser, platform.url);
  try {
    const { applicationNo } = await submit(platform, hvApplication('上海浦东英文界面测试有限公司'));
    await signIn(page, 'wangqiang', '/tasks?scope=group');
    await taskRow(page, applicationNo).waitFor({ timeout: 30_000 });
    await page.getByTestId('language-switch').click();
    await page.getByRole('tab', { name: "My groups' tasks" }).waitFor();
    await page.getByTestId('task-total').filter({ hasText: 'in all' }).waitFor();
    // The labels change at once; the step names come with the list asked again in English.
    await taskRow(page, applicationNo).getByText('Site survey').waitFor();
    expect(await taskRow(page, applicationNo).innerText()).toContain('New connection');
    expect(await chineseOutsideData(page)).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'tasklist-english');
    await page.reload();
    await page.getByRole('tab', { name: "My groups' tasks" }).waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByRole('tab', { name: '本岗位任务' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  } finally {
    await context.close();
  }
}, 60_000);
