/**
 * A clerk's day by the web app alone: a 10 kV new connection (业扩报装, high voltage, single source) from acceptance
 * at the counter to archive, every user task done in Debian's Chromium by the demo user whose step it is, each signing in with a
 * fresh browser profile and signing out: survey, supply scheme, a rejected approval, the scheme reworked, approval,
 * completion inspection, contract ∥ meter installation, energization. The job workers run as in the platform. At
 * the end the manager's case screen shows the case archived with its steps, and the archive holds every step's
 * record. Screenshots: test-artifacts/web/walk-hv-NN-<step>.png.
 */
import type { Browser, Page } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { caseOf, waitForClock, waitForState } from '../business-expansion/business-expansion-kit';
import { useBrowser } from './browser-kit';
import { fillHighVoltageApplication, HV_DOCUMENTS, submitIntake, tickDocuments } from './intake-kit';
import { chooseOption, fillDateTime, uploadRequiredDocument, Walk } from './walk-kit';

let platform: Platform;
let browser: Browser;
usePlatform((started) => {
  platform = started;
});
useBrowser((launched) => {
  browser = launched;
});

/** The counter clerk zhangli accepts the application on its screen, every document of the class received. */
async function acceptAtTheCounter(walk: Walk, customerName: string): Promise<string> {
  let applicationNo = '';
  await walk.as('zhangli', async (page) => {
    await page.getByTestId('menu-acceptExpansion').click();
    await fillHighVoltageApplication(page, {
      name: customerName,
      idNumber: `91310000MA1W${String(Date.now() % 1_000_000).padStart(6, '0')}`,
      phone: '021-58881234',
      address: '上海市浦东新区张江路 1000 号',
      capacityKva: 800,
    });
    await tickDocuments(page, HV_DOCUMENTS);
    await walk.screenshot(page, '业扩受理');
    applicationNo = await submitIntake(page, 'submit-application');
  });
  // The screen showed the class hv-single (fillHighVoltageApplication waits for it): no fees, no design review.
  return applicationNo;
}

/** The customer reports the works built: a counter action on the customer's word, through the API as zhangli. */
async function customerReportsWorksDoneAtTheCounter(applicationNo: string): Promise<void> {
  await waitForState(platform, applicationNo, 'waiting-construction');
  await waitForClock(platform, applicationNo, 'paused');
  const answer = await (
    await platform.as('zhangli')
  ).post(`/business-expansion/applications/${applicationNo}/construction-completed`);
  expect(answer.status).toBe(200);
}

const REJECTION = '电源点负载率过高，请改接 I 段';
const REWORKED_POINT = '张江 110kV 变电站 10kV I 段 #3 开关';

test('a 10 kV new connection from acceptance to archive, each step by its user in the web app', async () => {
  // Tuesday 13 October 2026, 09:00 in China: the signing day and the energization time below are not in the future.
  await platform.pinClock('2026-10-13T01:00:00Z');
  const walk = new Walk(browser, platform.url, 'walk-hv');
  const no = await acceptAtTheCounter(walk, '上海张江网页全流程制造有限公司');

  await walk.as('wangqiang', (page) =>
    walk.doTask(page, no, '现场勘查', async (form) => {
      await form.getByLabel('勘查意见').fill('现场具备接电条件，10kV 架空线路可达');
      await uploadRequiredDocument(page, '现场照片.png');
    }),
  );

  await walk.as('liuyang', (page) =>
    walk.doTask(page, no, '编制供电方案', async (form) => {
      // Voltage, metering and billing come filled in from the scheme defaults (decision table).
      await chooseOption(form, '线路类型', '架空线路');
      await chooseOption(form, '外部工程建设方', '供电企业');
      await form.getByLabel('电源点（变电站/线路/开关）').fill('张江 110kV 变电站 10kV II 段 #15 开关');
    }),
  );

  // The approver refuses: 审批通过 stays unticked, the reason is the comment.
  await walk.as('chenjing', (page) =>
    walk.doTask(page, no, '方案审批', async (form) => {
      expect(await form.getByLabel('电源点', { exact: true }).inputValue()).toContain('II 段 #15');
      await form.getByLabel('审批意见').fill(REJECTION);
    }),
  );

  // Back to the designer, who sees the approver's comment and changes the supply point.
  await walk.as('liuyang', (page) =>
    walk.doTask(page, no, '编制供电方案', async (form) => {
      const point = form.getByLabel('电源点（变电站/线路/开关）');
      await point.fill(REWORKED_POINT);
    }),
  );

  await walk.as('chenjing', (page) =>
    walk.doTask(page, no, '方案审批', async (form) => {
      expect(await form.getByLabel('电源点', { exact: true }).inputValue()).toBe(REWORKED_POINT);
      await form.getByLabel('审批通过').check();
      await form.getByLabel('审批意见').fill('同意');
    }),
  );

  await customerReportsWorksDoneAtTheCounter(no);

  await walk.as('zhaolei', (page) =>
    walk.doTask(page, no, '竣工检验', async (form) => {
      expect(await form.getByLabel('检验合格').isChecked()).toBe(true);
      await form.getByLabel('检验意见（不合格时写明整改要求）').fill('竣工检验合格');
      await uploadRequiredDocument(page, '竣工图.png');
    }),
  );

  // Contract and meter installation run side by side.
  await walk.as('zhangli', (page) =>
    walk.doTask(page, no, '签订供用电合同', async (form) => {
      // Beside the form, the case in words: its category and state named, not their codes.
      const summary = page.getByTestId('case-summary');
      await summary.getByText('工业', { exact: true }).waitFor();
      expect(await summary.getByTestId('case-state').innerText()).toBe('办理中');
      await form.getByLabel('客户签约人').fill('王建国（法定代表人）');
      await fillDateTime(form, { date: '签订日期' }, '2026-10-13');
    }),
  );
  await walk.as('sunhao', (page) =>
    walk.doTask(page, no, '装表接电', async (form) => {
      await form.getByLabel('封印编号').fill('FY000456');
      await form.getByLabel('电能表起度（kWh）').fill('0');
    }),
  );

  await walk.as('zhaolei', (page) =>
    walk.doTask(page, no, '送电', async (form) => {
      await fillDateTime(form, { date: '送电日期', time: '送电时刻' }, '2026-10-13', '08:30');
      await form.getByLabel('送电记录').fill('一次送电成功');
    }),
  );

  const archived = await waitForState(platform, no, 'archived');

  // The manager finds the case in the case screen: archived, with the steps of the case and its high-voltage path.
  await walk.as('zhoumin', async (page: Page) => {
    await page.getByTestId('menu-cases').click();
    await page.getByLabel(/输入案件编号/).fill(no);
    await page.getByLabel(/输入案件编号/).press('Enter');
    await page.waitForURL(new RegExp(`/cases/${no}$`));
    // The main process ran to its end event 已归档, every process of the case is completed.
    await page.locator('tr', { hasText: '已归档' }).filter({ hasText: '已完成' }).waitFor();
    const processStates = await page.getByTestId('process-state').allInnerTexts();
    expect(processStates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(processStates)).toEqual(new Set(['已完成']));
    for (const step of ['现场勘查', '编制供电方案', '竣工检验', '签订供用电合同', '装表接电', '送电', '客户归档'])
      await page.locator('tr', { hasText: step }).first().waitFor();
    // Its history names who did each task: the approval twice (refused, then given) by the approver.
    const progress = page.getByTestId('case-progress');
    await progress.getByRole('tab', { name: '办理记录' }).click();
    const history = progress.getByTestId('case-history');
    const approvals = history.locator('tr', { hasText: '方案审批' }).filter({ hasText: 'chenjing' });
    await approvals.nth(1).waitFor();
    expect(await approvals.count()).toBe(2);
    expect(await history.locator('tr', { hasText: '送电' }).filter({ hasText: 'zhaolei' }).count()).toBe(1);
    // Oldest first, even with every task opened at the same (pinned) time: the survey, then the scheme.
    const rows = history.locator('tr.ant-table-row');
    expect(await rows.nth(0).innerText()).toContain('现场勘查');
    expect(await rows.nth(1).innerText()).toContain('编制供电方案');
    expect(await rows.nth(2).innerText()).toContain('方案审批');
    await walk.screenshot(page, 'case-archived');
  });

  // The archive keeps what each person entered at each step, the refusal and its rework included.
  const record = await caseOf(platform, no);
  expect(record.archive).not.toBeNull();
  const steps = (record.archive.snapshot.steps as { step: string; entered: Record<string, unknown> }[]).map(
    ({ step, entered }) => [step, entered],
  );
  // What the forms sent: an optional field left blank comes as empty text.
  expect(steps).toEqual(
    expect.arrayContaining([
      [
        'survey',
        { documentsComplete: true, surveyFindings: '现场具备接电条件，10kV 架空线路可达', suggestedSupplyPoint: '' },
      ],
      ['scheme-approval', { schemeApproved: false, approvalComment: REJECTION }],
      ['scheme-approval', { schemeApproved: true, approvalComment: '同意' }],
      ['completion-inspection', { inspectionPassed: true, inspectionOpinion: '竣工检验合格' }],
      ['sign-contract', { contractSignatory: '王建国（法定代表人）', contractSignedAt: '2026-10-13' }],
      ['install-meter', { sealNo: 'FY000456', initialReading: 0, installationNotes: '' }],
      ['energization', { energizedAt: '2026-10-13T08:30', energizationNotes: '一次送电成功' }],
    ]),
  );
  expect(steps).toHaveLength(7);
  expect(record.archive.snapshot.scheme.supplyPoint).toBe(REWORKED_POINT);
  expect(archived.account).toMatchObject({ voltage: '10kV', status: 'active' });

  // The compliance dashboard counts the finished case as its clock and its fees say (figures from the API).
  const clock = (await (await platform.as('zhoumin')).get(`/time-limits/cases/${no}`)).body;
  expect(clock.state).toBe('finished');
  const compliant = clock.compliant ? 1 : 0;
  const feesFen = (record.fees as { amountFen: number | string }[]).reduce(
    (sum, fee) => sum + Number(fee.amountFen),
    0,
  );
  await walk.as('zhoumin', async (page: Page) => {
    await page.goto('/dashboards?tab=compliance&from=2026-10-01&to=2026-10-31');
    const summary = page.getByTestId('compliance-summary');
    await summary.getByText('1', { exact: true }).first().waitFor();
    expect(await summary.locator('.ant-statistic-content').allInnerTexts()).toEqual([
      '1',
      String(compliant),
      `${(compliant * 100).toFixed(1)}%`,
    ]);
    const month = await page.getByTestId('figure-compliance-month').locator('tr.ant-table-row td').allInnerTexts();
    expect(month.slice(0, 3)).toEqual(['2026-10', '1', String(compliant)]);
    const access = await page.getByTestId('figure-access').locator('tr.ant-table-row td').allInnerTexts();
    expect(access[1]).toBe('1');
    expect(access[3]).toBe(Number(clock.used).toFixed(1));
    expect(access[4].replace(/[^\d.]/g, '')).toBe((feesFen / 100).toFixed(2));
    await walk.screenshot(page, 'compliance-dashboard');
  });
}, 420_000);
