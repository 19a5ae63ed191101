/**
 * Every screen of the web app, in Chinese and in English, with real data on it: axe-core finds no serious
 * violation, every control a mouse can use can be reached by the keyboard, the English screen shows no Chinese
 * outside what is marked as data, and a screenshot of each is kept (test-artifacts/web/screen-<name>-<locale>.png). The screens come from one list; a route in App.tsx that no
 * entry covers fails the first test, so a screen added later is added here too (one entry in SCREENS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { Browser, Page } from 'playwright-core';
import { notify } from '../../domain/notifications';
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { expectOpenTasks, hvApplication, submit } from '../business-expansion/business-expansion-kit';
import { MENU } from '../../modeler-ui/src/shell/menu';
import { issueBill, seedAccount } from '../collection/collection-kit';
import {
  chineseOutsideData,
  keyboardUnreachable,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './browser-kit';

// The functions given to page.evaluate run in the browser; the type check (Node's lib, no DOM) sees this name.
declare const localStorage: any;

type Locale = 'zh-CN' | 'en-US';

const filled = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: keyof Fixture) => fixture[name]);

/** A task with its form, summary, documents and diagram. */
const TASK_PARTS = [
  '[data-testid=task-form] .fjs-form-field textarea',
  '[data-testid=case-summary] .ant-descriptions',
  '[data-testid=case-documents] :text("site-photo.png")',
  '[data-testid=case-progress] .case-active',
];

const HISTORY_ROW = '[data-testid=case-history] tbody tr';

async function openHistory(page: Page): Promise<void> {
  // The tabs may render again once the case's data is in (a click before that is lost): click until it is chosen.
  const tab = page.getByTestId('case-progress').getByRole('tab').nth(1);
  for (let attempt = 0; attempt < 5 && (await tab.getAttribute('aria-selected')) !== 'true'; attempt++) {
    await tab.click();
    await page
      .locator('[data-testid=case-progress] [role=tab][aria-selected=true]')
      .filter({ hasText: (await tab.innerText()).trim() })
      .waitFor({ timeout: 3_000 })
      .catch(() => undefined);
  }
}

/** What the screens show: one 业扩 case at its survey, with a photo uploaded to it. */
interface Fixture {
  applicationNo: string;
  surveyTaskKey: string;
  /** The high-voltage process the case's main process called (it stands at its survey). */
  processInstanceKey: string;
  /** An account with an overdue bill, and a bank file imported (the cashier's screens). */
  accountNo: string;
  bankImportId: string;
  /** The account's bill, and a billing run of a section holding the account (the billing screens). */
  billId: string;
  runNo: string;
}

/**
 * One screen: the route of App.tsx it is (`path` as written there), a name for its screenshot, who opens it (a role
 * that sees it; none: signed out), the path to open and the selectors that show once its data is there —
 * `{applicationNo}`, `{surveyTaskKey}` and `{processInstanceKey}` in both are the fixture's — and, where a part needs it, what to do first
 * (open a tab). Adding a screen is adding one line to SCREENS.
 */
interface Screen {
  route: string;
  name: string;
  login?: string;
  path: string;
  shows: string[];
  before?: (page: Page) => Promise<void>;
}

/** route (as in App.tsx), screenshot name, who opens it (undefined: signed out), path, what shows once loaded */
const screen = (route: string, name: string, login: string | undefined, path: string, ...shows: string[]): Screen => ({
  route,
  name,
  login,
  path,
  shows,
});

const SCREENS: Screen[] = [
  screen('/login', 'sign-in', undefined, '/login', 'input[type=password]'),
  screen('/tasks', 'tasklist', 'wangqiang', '/tasks?scope=group', 'tr:has-text("{applicationNo}")'),
  screen('/tasks/:key', 'task', 'wangqiang', '/tasks/{surveyTaskKey}', ...TASK_PARTS),
  { ...screen('/tasks/:key', 'task-history', 'wangqiang', '/tasks/{surveyTaskKey}', HISTORY_ROW), before: openHistory },
  screen('/cases/:caseNo?', 'case', 'zhoumin', '/cases/{applicationNo}', '.ant-card .ant-table-row'),
  screen('/users', 'users', 'admin', '/users', '.ant-table-row:has-text("wangqiang")'),
  screen(
    '/accept/business-expansion',
    'accept-expansion',
    'zhangli',
    '/accept/business-expansion',
    '[data-testid=submit-application]',
  ),
  screen(
    '/accept/change-of-use',
    'accept-change',
    'zhangli',
    '/accept/change-of-use',
    '[data-testid=submit-application]',
  ),
  screen('/work-orders/new', 'new-work-order', 'liuna', '/work-orders/new', '[data-testid=submit-order]'),
  screen('/my-cases', 'my-cases', 'zhoumin', '/my-cases?tab=search&q={applicationNo}', '[data-testid=case-link]'),
  screen('/dashboards', 'dashboards', 'zhoumin', '/dashboards', '[data-testid=compliance-summary]'),
  screen('/overdue', 'overdue', 'zhoumin', '/overdue', '[data-testid=overdue-total]'),
  screen(
    '/my-cases/:caseNo',
    'case-page',
    'zhoumin',
    '/my-cases/{applicationNo}',
    '[data-testid=case-title]',
    '[data-testid=case-progress] .case-active',
  ),
  screen('/units', 'units', 'admin', '/units', '.ant-table-row:has-text("SH-PD")'),
  screen('/units', 'units-roles', 'admin', '/units?tab=roles', '.ant-table-row:has-text("counter-clerk")'),
  screen('/calendar', 'calendar', 'admin', '/calendar?year=2026', '[data-testid=calendar-days] .ant-table-row'),
  screen(
    '/rule-tables',
    'rule-tables',
    'admin',
    '/rule-tables?table=high-reliability-fee',
    '[data-testid=rule-table] .ant-table-row',
  ),
  screen('/audit', 'audit', 'admin', '/audit?action=auth.', '[data-testid=audit-table] .ant-table-row'),
  screen(
    '/billing-rules',
    'billing-rules',
    'admin',
    '/billing-rules?set=power-factor',
    '[data-testid=rule-versions] .ant-table-row',
  ),
  screen(
    '/notifications',
    'notifications',
    'admin',
    '/notifications?businessKey={applicationNo}',
    '[data-testid=notification-status]',
  ),
  screen('/monitor/processes', 'monitor-processes', 'zhoumin', '/monitor/processes', '[data-testid=count-running]'),
  screen(
    '/monitor/processes/:processId/heatmap',
    'monitor-heatmap',
    'zhoumin',
    '/monitor/processes/business-expansion-survey/heatmap',
    '[data-testid=badge-active-survey]',
  ),
  screen(
    '/monitor/instances',
    'monitor-instances',
    'zhoumin',
    '/monitor/instances?caseNo={applicationNo}',
    '[data-testid=instance-link]',
  ),
  screen(
    '/monitor/instances/:key',
    'monitor-instance',
    'zhoumin',
    '/monitor/instances/{processInstanceKey}',
    '[data-testid=instance-diagram] .case-active',
    '[data-testid=badge-active-hv-survey]',
  ),
  screen('/models', 'models', 'huangyan', '/models', '[data-testid=model-link]'),
  screen(
    '/models/:resource',
    'model-editor',
    'huangyan',
    '/models/business-expansion%2Fbusiness-expansion-fees.bpmn',
    '[data-testid=bpmn-canvas] [data-element-id="calculate-fees"]',
  ),
  screen(
    '/collection/counter',
    'collection-counter',
    'admin',
    '/collection/counter?account={accountNo}',
    '[data-testid=account-owed]',
    '.ant-table-row',
  ),
  screen(
    '/collection/bank-files/:id?',
    'bank-file-import',
    'admin',
    '/collection/bank-files',
    '[data-testid=bank-file-form]',
  ),
  screen(
    '/collection/bank-files/:id?',
    'bank-file-report',
    'admin',
    '/collection/bank-files/{bankImportId}',
    '[data-testid=bank-report] .ant-table-row',
  ),
  screen('/collection/arrears', 'arrears', 'admin', '/collection/arrears', '[data-testid=arrears-total]'),
  screen('/billing/runs', 'billing-runs', 'admin', '/billing/runs', '[data-testid=run-list] .ant-table-row'),
  screen('/billing/runs/:runNo', 'billing-run', 'admin', '/billing/runs/{runNo}', '[data-testid=run-steps]'),
  screen(
    '/billing/bills',
    'billing-account-bills',
    'admin',
    '/billing/bills?account={accountNo}',
    '[data-testid=account-bills] .ant-table-row',
  ),
  screen(
    '/billing/bills/:id',
    'billing-bill',
    'admin',
    '/billing/bills/{billId}',
    '[data-testid=bill-lines] .ant-table-row',
  ),
  screen('*', 'not-found', 'wangqiang', '/no-such-screen', '.ant-result-404'),
];

/** The `path` of every <Route> in App.tsx, read from its syntax tree (an index route has none). */
function appRoutes(): string[] {
  const file = join(__dirname, '..', '..', 'modeler-ui', 'src', 'app', 'App.tsx');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const paths: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText() === 'Route')
      for (const attribute of node.attributes.properties)
        if (ts.isJsxAttribute(attribute) && attribute.name.getText() === 'path' && attribute.initializer)
          paths.push(
            ts.isStringLiteral(attribute.initializer)
              ? attribute.initializer.text
              : `(not a plain string: ${attribute.initializer.getText()})`,
          );
    ts.forEachChild(node, visit);
  };
  visit(source);
  return paths;
}

let platform: Platform;
let browser: Browser;
let fixture: Fixture;
usePlatform((started) => {
  platform = started;
});
beforeAll(async () => {
  await seedWorkOrderDemoUsers();
  browser = await launchBrowser();
  const { applicationNo } = await submit(platform, hvApplication('上海浦东全屏幕测试有限公司'));
  const [survey] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const upload = new FormData();
  upload.set('kind', 'site-photo');
  upload.set('taskKey', survey.userTaskKey);
  upload.set('file', new Blob([PNG], { type: 'image/png' }), 'site-photo.png');
  const uploaded = await (
    await platform.as('wangqiang')
  ).fetch(`/cases/${applicationNo}/documents`, {
    method: 'POST',
    body: upload,
  });
  expect(uploaded.status).toBe(201);
  // A notification of the case, as the time-limit workers would send (the notifications screen lists it).
  await notify(
    {
      dedupKey: `screens:${applicationNo}`,
      kind: 'warning',
      recipientType: 'role',
      recipient: 'manager',
      title: `时限预警 ${applicationNo}`,
      body: '现场勘查即将到期',
      businessKey: applicationNo,
    },
    { adapter: { name: 'memory', send: async () => undefined } },
  );
  const monitored = await (await platform.as('zhoumin')).get(`/monitor/instances?caseNo=${applicationNo}`);
  const main = await (
    await platform.as('zhoumin')
  ).get(`/monitor/instances/${monitored.body.items[0].processInstanceKey}`);
  const account = await seedAccount('residential');
  const bill = await issueBill(account.id, '2026-03', 15_000, '2026-04-15');
  // A billing run of a section holding the account (the run screens list it).
  const admin = await platform.as('admin');
  const section = await admin.post('/billing/sections', {
    code: 'SCREENS',
    name: '全屏幕测试抄表段',
    unitCode: 'SH-PD',
    readingDay: 25,
  });
  await admin.put(`/billing/sections/${section.body.id}/accounts`, { accountIds: [account.id] });
  const run = await admin.post('/billing/runs', { sectionId: section.body.id, period: '2026-04' });
  expect(run.status).toBe(201);
  const bankFile = await (
    await platform.as('admin')
  ).post('/collection/bank-files', {
    bank: 'ICBC',
    fileName: 'screens.csv',
    content: `serial,account_no,amount,paid_on,period\nS1,NO-SUCH-ACCOUNT,12.00,2026-04-24,\nTOTAL,1,12.00\n`,
  });
  expect(bankFile.status).toBe(201);
  fixture = {
    accountNo: account.accountNo,
    billId: String(bill.id),
    runNo: run.body.runNo,
    bankImportId: String(bankFile.body.id),
    applicationNo,
    surveyTaskKey: survey.userTaskKey,
    processInstanceKey: main.body.called[0].processInstanceKey,
  };
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

test('every route of the app and every menu entry has a screen in this test', () => {
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(3);
  expect(routes.filter((route) => !SCREENS.some((entry) => entry.route === route))).toEqual([]);
  const covered = (path: string) => routes.some((route) => route.replace(/\/:\w+\??$/, '') === path);
  expect(MENU.filter((entry) => !covered(entry.path)).map((entry) => entry.path)).toEqual([]);
});

describe.each<Locale>(['zh-CN', 'en-US'])('in %s', (locale) => {
  test.each(SCREENS.map((entry) => [entry.name, entry] as const))(
    '%s: axe finds nothing serious, every control is in reach of the keyboard, in English no Chinese outside data',
    async (name, entry) => {
      const { context, page } = await newPage(browser, platform.url);
      try {
        if (entry.login) await signIn(page, entry.login);
        else await page.goto('/login');
        await page.evaluate((chosen) => localStorage.setItem('pmp.locale', chosen), locale);
        await page.goto(filled(entry.path));
        await page.locator(`html[lang="${locale}"]`).waitFor();
        await entry.before?.(page);
        for (const selector of entry.shows) await page.locator(filled(selector)).first().waitFor({ timeout: 30_000 });
        await screenshot(page, `screen-${name}-${locale}`);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(await keyboardUnreachable(page)).toEqual([]);
        if (locale === 'en-US') expect(await chineseOutsideData(page)).toEqual([]);
      } catch (failure) {
        await screenshot(page, `failed-screen-${name}-${locale}`);
        throw failure;
      } finally {
        await context.close();
      }
    },
    90_000,
  );
});

/** A PNG's signature and some bytes: what the server detects an image by. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 1)]);
