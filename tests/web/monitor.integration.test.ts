/**
 * The monitor in Debian's Chromium, as a manager uses it: find a case by its customer's name, see on its diagrams
 * where it stands and which step is overdue (the clock pinned past the survey's due date), fix the variable an
 * incident stopped on and retry it, cancel a batch of instances and a case with a reason (the application then shows
 * the case withdrawn); a counter clerk finds the monitor neither in the menu nor by its address, nor in the API.
 * Screenshots: test-artifacts/web/monitor-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  applicant,
  expectOpenTasks,
  residentialApplication,
  submit,
} from '../business-expansion/business-expansion-kit';
import { Customer } from '../../db/core/customer-models';
import { CUSTOMER_MATCHES_LIMIT } from '../../domain/cases';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { newPage, screenshot, signIn, useBrowser } from './browser-kit';

// The functions given to page.evaluate run in the browser; the type check (Node's lib, no DOM) sees this name.
declare const location: any;

let platform: Platform;
let browser: Browser;
const T0 = Date.parse('2026-10-13T01:00:00Z'); // a Tuesday, 09:00 in China
const DAY = 86_400_000;
const CUSTOMER = '监控测试客户欧阳明';
let applicationNo: string;

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(new Date(T0));
});
useBrowser((launched) => {
  browser = launched;
});

/** Starts an instance of the monitor's fixture process (`route` "check" waits at a task; anything else: incident). */
async function startFixture(businessKey: string, route: string): Promise<string> {
  const { zeebe } = platform.application.services.camunda;
  const started = await zeebe.createProcessInstance({
    bpmnProcessId: 'monitor-load',
    variables: { businessKey, route, dueDate: new Date(T0 + DAY).toISOString() },
  });
  return started.processInstanceKey;
}

beforeAll(async () => {
  await platform.application.services.camunda.zeebe.deployResources([
    { processFilename: join(__dirname, 'fixtures', 'monitor-load.bpmn') },
  ]);
  ({ applicationNo } = await submit(platform, residentialApplication({ customer: applicant({ name: CUSTOMER }) })));
  await expectOpenTasks(platform, applicationNo, ['survey']);
  await startFixture('JK-INCIDENT-1', 'unknown');
  await startFixture('JK-BATCH-1', 'check');
  await startFixture('JK-BATCH-2', 'check');
  // Thirty days on, the survey (a few working days) is overdue.
  await platform.pinClock(new Date(T0 + 30 * DAY));
}, 120_000);

async function managerPage(path: string): Promise<Page> {
  const { page } = await newPage(browser, platform.url);
  await signIn(page, 'zhoumin');
  await page.goto(path);
  return page;
}

/** Opens the instance listed under `text` in the list the page shows. */
async function openListed(page: Page, text: string): Promise<void> {
  await page.getByTestId('instance-link').filter({ hasText: text }).first().click();
  await page.getByTestId('instance-diagram').locator('.djs-element').first().waitFor();
}

test('a manager finds a case by customer name and sees where it stands and its overdue step', async () => {
  const page = await managerPage('/tasks');
  await page.getByTestId('menu-monitorInstances').click();
  await page.getByTestId('instance-table').waitFor();
  await page.getByLabel('客户').fill('欧阳明');
  await page.getByTestId('instance-search').click();
  // The filter goes into the address, so the search can be bookmarked and shared.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('customer') === '欧阳明');
  await page.getByTestId('instance-total').filter({ hasText: '共 1 个实例' }).waitFor();
  await openListed(page, applicationNo);
  // The case's main process stands at the call of its class's process; that one at its survey's call.
  await page.locator('[data-testid=instance-diagram] .case-active').first().waitFor();
  await screenshot(page, 'monitor-case');
  const down = async () => {
    await page.getByRole('tab', { name: '调用的子流程' }).click();
    await page.getByTestId('called-instances').getByTestId('related-instance').last().click();
    await page.getByTestId('instance-diagram').locator('.djs-element').first().waitFor();
  };
  await down();
  await page.getByTestId('badge-active-lvr-survey').waitFor();
  await down();
  // The survey's own process: the survey task is where the case waits, past its due date.
  await page.getByTestId('badge-active-survey').waitFor();
  await page.getByTestId('badge-overdue-survey').waitFor();
  await page.getByRole('tab', { name: '环节用时' }).click();
  await page.getByTestId('step-overdue').first().waitFor();
  await screenshot(page, 'monitor-overdue-step');
  await page.context().close();
}, 120_000);

test('a manager fixes the variable an incident stopped on and retries it; the instance goes on', async () => {
  const page = await managerPage('/monitor/instances?state=incident&caseNo=JK-INCIDENT');
  await openListed(page, 'JK-INCIDENT-1');
  await page.getByTestId('incident').waitFor();
  expect(await page.getByTestId('incident').innerText()).toContain('CONDITION_ERROR');
  await page.getByRole('tab', { name: '流程变量' }).click();
  await page.getByTestId('edit-variable-route').click();
  await page.getByLabel('新值（JSON，文字须加引号）').fill('"check"');
  await page.getByLabel('原因').fill('路由值填错，改为资料核对');
  await page.getByTestId('edit-variable-route-ok').click();
  await page.getByTestId('instance-variables').getByText('"check"').waitFor();
  await page.getByTestId('incident-retry').click();
  await page.getByTestId('incident').waitFor({ state: 'detached' });
  await page.getByTestId('badge-active-check').waitFor();
  await screenshot(page, 'monitor-retried');
  await page.context().close();
  const audit = await (await platform.as('admin')).get('/audit?action=instance.variable');
  expect(audit.body.items[0]).toMatchObject({
    actor: 'zhoumin',
    detail: expect.objectContaining({ name: 'route', old: '"unknown"', new: '"check"' }),
  });
}, 120_000);

test('a manager cancels chosen instances in a batch, each with its result', async () => {
  const page = await managerPage('/monitor/instances?caseNo=JK-BATCH&state=running');
  await page.getByTestId('instance-total').filter({ hasText: '共 2 个实例' }).waitFor();
  await page
    .getByRole('checkbox', { name: /选择实例/ })
    .first()
    .check();
  await page
    .getByRole('checkbox', { name: /选择实例/ })
    .last()
    .check();
  await page.getByTestId('batch-cancel').click();
  await page.getByLabel('原因').fill('测试数据，批量取消');
  await page.getByTestId('batch-start').click();
  const results = page.getByTestId('batch-results');
  await results.getByText('成功').nth(1).waitFor();
  expect(await results.getByText('成功').count()).toBe(2);
  await screenshot(page, 'monitor-batch');
  await page.context().close();
  const manager = await platform.as('zhoumin');
  const left = await manager.get('/monitor/instances?caseNo=JK-BATCH&state=running');
  expect(left.body.total).toBe(0);
}, 120_000);

test('a manager cancels a case with a reason and the application shows it withdrawn', async () => {
  const page = await managerPage(`/monitor/instances?caseNo=${applicationNo}`);
  await openListed(page, applicationNo);
  await page.getByTestId('instance-cancel').click();
  await page.getByLabel('原因').fill('客户来电撤回申请');
  await page.getByTestId('instance-cancel-ok').click();
  await page.getByTestId('instance-state').getByText('已取消').waitFor();
  await page.goto(`/my-cases?tab=search&q=${applicationNo}`);
  await page.getByTestId('case-table').getByText('已撤销').waitFor();
  await screenshot(page, 'monitor-cancelled');
  await page.context().close();
  const view = await (await platform.as('zhoumin')).get(`/cases/${applicationNo}`);
  expect(view.body.ending).toMatchObject({ outcome: 'cancelled', reason: '客户来电撤回申请', endedBy: 'zhoumin' });
}, 120_000);

test('a manager reads the counts per version, and is told when a customer filter matched too many', async () => {
  const page = await managerPage('/monitor/processes');
  const fixture = page.getByTestId('process-table').locator('tr', { hasText: 'monitor-load' });
  await fixture.getByRole('button', { name: /展开/ }).click();
  const versions = page.getByTestId('version-table');
  await versions.getByText('v1').waitFor();
  // Its one version: the batch cancelled, the incident retried and now waiting at its check, like the survey.
  await versions.getByTestId('count-running').filter({ hasText: '1' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('version') === '1');
  await page.getByTestId('instance-total').filter({ hasText: '共 1 个实例' }).waitFor();
  // More customers share the name than the filter looks at: the list says it may be incomplete.
  await Customer.bulkCreate(
    Array.from({ length: CUSTOMER_MATCHES_LIMIT }, (_, n) => ({
      customerNo: `JKW${String(n).padStart(6, '0')}`,
      kind: 'person',
      name: `监控测试客户${n}`,
      idNumber: `JKW${n}`,
      phone: `1370000${String(n).padStart(4, '0')}`,
      address: '上海市浦东新区',
      area: 'SH-PD',
    })),
  );
  await page.goto('/monitor/instances?customer=监控测试客户');
  await page.getByTestId('capped-customer').waitFor();
  await screenshot(page, 'monitor-capped');
  await page.goto('/monitor/instances?customer=欧阳明');
  await page.getByTestId('instance-total').waitFor();
  expect(await page.getByTestId('capped-customer').count()).toBe(0);
  await page.context().close();
}, 120_000);

test('a counter clerk has no monitor: not in the menu, not by address, not in the API', async () => {
  const { page, context } = await newPage(browser, platform.url);
  await signIn(page, 'zhangli');
  expect(await page.getByTestId('menu-monitorInstances').count()).toBe(0);
  expect(await page.getByTestId('menu-monitorProcesses').count()).toBe(0);
  for (const path of ['/monitor/instances', '/monitor/processes', '/monitor/processes/business-expansion/heatmap']) {
    await page.goto(path);
    await page.locator('.ant-result-404').waitFor();
  }
  await context.close();
  const clerk = await platform.as('zhangli');
  expect((await clerk.get('/monitor/instances')).status).toBe(403);
  expect((await clerk.get('/monitor/processes')).status).toBe(403);
}, 60_000);
