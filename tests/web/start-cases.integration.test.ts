/**
 * Starting and finding cases in Chromium (decision 0032): the counter clerk accepts a 10 kV 业扩 case (the
 * documents of its class listed by the API, the server's refusals shown on the field or in the alert) and a
 * 变更用电 case, the 95598 agent takes a repair call with the knowledge base beside the form, and each finds their
 * cases under "my cases" and by the one search (a whole ID number finds the case, the list shows it masked);
 * axe-core on every new screen, and the screens in English.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { REQUESTED, TODAY } from '../change-of-use/change-of-use-kit';
import { residentialApplication, submit } from '../business-expansion/business-expansion-kit';
import {
  chineseOutsideData,
  useBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './browser-kit';
import {
  choose,
  fillHighVoltageApplication,
  fillRepairCall,
  HV_DOCUMENTS,
  submitIntake,
  tickDocuments,
} from './intake-kit';

// The function given to page.waitForFunction runs in the browser; the type check (Node's lib, no DOM) sees this name.
declare const document: any;

let platform: Platform;
let browser: Browser;
const run = Date.now() % 1_000_000;
/** The 变更 case's customer, registered at the counter before (with one account). */
const changeCustomer = { name: `网页变更测试商店${run}`, accountId: 0 };

usePlatform(async (started) => {
  platform = started;
  await seedWorkOrderDemoUsers();
  await platform.pinClock(TODAY);
  const clerk = await platform.as('zhangli');
  const customer = await clerk.post('/customers', {
    kind: 'company',
    name: changeCustomer.name,
    idNumber: `91310000MA2B${String(run).padStart(6, '0')}`,
    phone: '021-50809999',
    address: '上海市浦东新区网页路 9 号',
    area: 'SH-PD',
  });
  if (customer.status !== 201) throw new Error(`customer: ${JSON.stringify(customer.body)}`);
  const account = await clerk.post('/accounts', {
    customerId: customer.body.id,
    address: '上海市浦东新区网页路 9 号',
    voltage: '380V',
    capacityKva: 50,
    category: 'commercial',
  });
  if (account.status !== 201) throw new Error(`account: ${JSON.stringify(account.body)}`);
  changeCustomer.accountId = account.body.id;
});
useBrowser((launched) => {
  browser = launched;
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  // A field message appearing or fading out (its colour mid-animation) is not what the user reads: wait until no
  // help text is moving, twice a moment apart (a message may start to leave just after the first look).
  for (let look = 0; look < 2; look++) {
    await page.waitForFunction(
      () =>
        !document.querySelector('[class*="ant-form-show-help-item-"]') &&
        !document
          .getAnimations()
          .some((animation: any) => animation.effect?.target?.closest?.('.ant-form-item-explain')),
    );
    await page.waitForTimeout(150);
  }
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await screenshot(page, name);
}

/** The notice button opens the PDF in a new tab (fetched with the session, shown from a blob). */
async function expectPrintOpens(context: BrowserContext, page: Page): Promise<void> {
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('print-receipt').click()]);
  expect(tab.url()).toMatch(/^blob:/);
  await tab.close();
}

/** The rows of the my-cases table once it shows `caseNo`. */
async function expectListed(page: Page, caseNo: string): Promise<string> {
  const row = page.getByTestId('case-table').locator('tr', { hasText: caseNo });
  await row.waitFor();
  return row.innerText();
}

test('a counter clerk accepts a 10 kV 业扩 case and a 变更用电 case, and finds both', async () => {
  const { context, page } = await newPage(browser, platform.url);
  const companyId = `91310000MA3C${String(run).padStart(6, '0')}`;
  try {
    await signIn(page, 'zhangli');
    await page.getByTestId('menu-acceptExpansion').click();
    await page.getByRole('heading', { name: '业扩报装受理' }).waitFor();

    await fillHighVoltageApplication(page, {
      name: `网页受理精密制造有限公司${run}`,
      idNumber: companyId,
      phone: '电话未知',
      address: '上海市浦东新区网页路 1 号',
      capacityKva: 800,
    });
    await tickDocuments(page, HV_DOCUMENTS.slice(0, -1));
    await expectAccessible(page, 'accept-expansion');

    // The server's checks: the phone on its field, then the document not ticked in the alert.
    await page.getByTestId('submit-application').click();
    await page.locator('#expansion_customer_phone_help').getByText('电话格式不正确').waitFor();
    await page.getByLabel('联系电话').fill('021-50801234');
    await page.getByTestId('submit-application').click();
    await page.getByTestId('intake-problem').getByText('项目批准文件').waitFor();
    await tickDocuments(page, ['项目批准文件']);
    const expansionNo = await submitIntake(page, 'submit-application');
    expect(expansionNo).toMatch(/^YK\d{8}-\d{4}$/);
    await expectAccessible(page, 'accept-expansion-done');
    await expectPrintOpens(context, page);
    const saved = await (await platform.as('zhoumin')).get(`/business-expansion/applications/${expansionNo}`);
    expect(saved.body.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(
      [
        'application-letter',
        'business-licence',
        'equipment-list',
        'land-property-proof',
        'legal-person-id',
        'project-approval',
        'site-plan',
      ].sort(),
    );

    // 变更用电: the registered customer found at the counter, a suspension of their account.
    await page.getByTestId('menu-acceptChange').click();
    await page.getByLabel('查找客户').fill(changeCustomer.name);
    await page.getByLabel('查找客户').press('Enter');
    await page.getByRole('button', { name: `选择 ${changeCustomer.name}` }).click();
    await page.getByTestId('chosen-customer').waitFor();
    await choose(page, '变更类型', '暂停');
    await page.getByLabel('申请日期').fill(REQUESTED);
    await page.getByLabel('申请日期').press('Enter');
    await page.getByLabel('变更原因').fill('季节性停产');
    await expectAccessible(page, 'accept-change');
    await page.getByTestId('submit-application').click();
    const changeNo = (await page.getByTestId('new-case-no').innerText()).trim();
    expect(changeNo).toMatch(/^BG\d{8}-\d{4}$/);
    const change = await (await platform.as('zhoumin')).get(`/change-of-use/applications/${changeNo}`);
    expect(change.body).toMatchObject({ changeType: 'suspend', requestedDate: REQUESTED });
    expect(change.body.accountId).toBe(changeCustomer.accountId);

    // My cases: both; the link opens the case with its notices.
    await page.getByTestId('menu-myCases').click();
    expect(await expectListed(page, expansionNo)).toContain(`网页受理精密制造有限公司${run}`);
    await expectListed(page, changeNo);
    await expectAccessible(page, 'my-cases');
    // The one search: a whole ID number finds the case; the list shows it masked.
    await page.getByRole('tab', { name: '查找案件' }).click();
    await page.getByLabel('查找', { exact: true }).fill(companyId);
    await page.getByTestId('case-search-submit').click();
    const found = await expectListed(page, expansionNo);
    expect(found).not.toContain(companyId);
    expect(found).toContain(`${companyId.slice(0, 3)}***********${companyId.slice(-4)}`);
    expect(new URL(page.url()).searchParams.get('q')).toBe(companyId);
    await page.getByTestId('case-link').filter({ hasText: expansionNo }).click();
    await page.getByTestId('case-title').filter({ hasText: expansionNo }).waitFor();
    await page.getByTestId('print-acceptance-receipt').waitFor();
    await expectAccessible(page, 'case-page');

    // Deep link to the search, in English: nothing Chinese outside the data.
    await page.goto(`/my-cases?tab=search&q=${encodeURIComponent(changeNo)}`);
    await expectListed(page, changeNo);
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
    expect(await chineseOutsideData(page)).toEqual([]);
    await page.goto('/accept/change-of-use');
    await page.getByRole('heading', { name: 'Accept a change of use' }).waitFor();
    expect(await chineseOutsideData(page)).toEqual([]);
  } catch (error) {
    await screenshot(page, 'failed-counter-clerk');
    throw error;
  } finally {
    await context.close();
  }
}, 180_000);

test('a 95598 agent takes a repair call with the knowledge base beside it, and finds the order', async () => {
  const { context, page } = await newPage(browser, platform.url);
  const phone = `139${String(run).padStart(8, '0')}`;
  try {
    await signIn(page, 'liuna');
    await page.getByTestId('menu-newWorkOrder').click();
    await page.getByRole('heading', { name: '95598 受理' }).waitFor();
    // The knowledge base answers as the agent types.
    await page.getByLabel('搜索知识库').pressSequentially('停电');
    await page.getByTestId('knowledge-article').filter({ hasText: '停电信息查询' }).waitFor();

    await fillRepairCall(page, {
      customerName: '网页报修人',
      phone,
      address: '上海市浦东新区网页路 30 弄 2 号',
      content: '整栋楼停电',
    });
    await expectAccessible(page, 'new-work-order');
    const orderNo = await submitIntake(page, 'submit-order');
    const order = await (await platform.as('zhoumin')).get(`/work-orders/${orderNo}`);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ orderType: 'fault-repair', subType: 'outage' });
    await expectAccessible(page, 'new-work-order-done');

    await page.getByTestId('menu-myCases').click();
    await expectListed(page, orderNo);
    await page.getByRole('tab', { name: '查找案件' }).click();
    await page.getByLabel('查找', { exact: true }).fill(phone);
    await page.getByTestId('case-search-submit').click();
    const found = await expectListed(page, orderNo);
    expect(found).not.toContain(phone);
    expect(found).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  } finally {
    await context.close();
  }
}, 120_000);

test("the intake screens are not there for roles that may not use them, nor another unit's case", async () => {
  const { applicationNo } = await submit(platform, residentialApplication());
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'wangqiang');
    for (const path of ['/accept/business-expansion', '/accept/change-of-use', '/work-orders/new']) {
      await page.goto(path);
      await page.getByText('页面不存在').waitFor();
    }
    // A Minhang clerk following a link to a Pudong case: not found, and nothing of it shown.
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, 'wuting');
    await page.goto(`/my-cases/${applicationNo}`);
    await page.getByTestId('case-title').waitFor();
    await page.getByRole('alert').filter({ hasText: '没有这个案件' }).waitFor();
    await screenshot(page, 'case-page-other-unit');
    expect(await page.getByTestId('case-documents').count()).toBe(0);
    expect(await page.getByTestId('case-progress').count()).toBe(0);
  } finally {
    await context.close();
  }
}, 60_000);
