/**
 * 业扩 low-voltage non-residential (低压非居民) and three-zero (三零) cases end to end: the documents return with the
 * clock paused, a time-limit warning when the clock moves past the warning date, the parallel inspection and
 * contract, and the two-link three-zero path.
 */
import { Account } from '../../db/core/customer-models';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  CONTRACT_SIGNED,
  DOCUMENTS,
  METER_INSTALLED,
  SCHEME_LV,
  SURVEY_OK,
  applicant,
  caseOf,
  completeCaseTask,
  expectOpenTasks,
  pathTaken,
  submit,
  waitForState,
} from './business-expansion-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

const company = (name: string) => applicant({ kind: 'company', name, idNumber: `91310115MA1K${Date.now() % 1000000}` });

test('a non-residential case: warning, documents sent back and supplemented, inspection ∥ contract, archive', async () => {
  await platform.pinClock('2026-09-29T02:00:00Z');
  const submitted = await submit(platform, {
    customer: company('上海浦江餐饮有限公司'),
    businessType: 'new',
    address: '上海市浦东新区东方路 800 号 1 层',
    voltage: '380V',
    capacityKva: 200,
    category: 'commercial',
    documents: DOCUMENTS.nonResidential,
  });
  expect(submitted.customerClass).toBe('lv-non-residential');
  const no = submitted.applicationNo;
  await expectOpenTasks(platform, no, ['survey']);

  // 1 WD with a warning half a day before: Wednesday 30 September 12:00 China time. Moving past it warns the manager.
  const manager = await platform.as('zhoumin');
  expect((await manager.get(`/notifications?businessKey=${no}`)).body.items).toEqual([]);
  await platform.pinClock('2026-09-30T05:00:00Z');
  const warnings = await waitFor(
    async () => {
      const items = (await manager.get(`/notifications?businessKey=${no}`)).body.items as any[];
      return items.filter((item) => item.kind === 'warning').length ? items : undefined;
    },
    { description: 'the survey warning' },
  );
  expect(warnings).toEqual([expect.objectContaining({ kind: 'warning', recipient: 'manager' })]);
  // Past the due date (30 September 24:00 China time) the overdue timer fires too.
  await platform.pinClock('2026-09-30T17:00:00Z');
  const kinds = await waitFor(
    async () => {
      const items = (await manager.get(`/notifications?businessKey=${no}`)).body.items as any[];
      return items.length === 2 ? items.map((item) => item.kind).sort() : undefined;
    },
    { description: 'the survey overdue notice' },
  );
  expect(kinds).toEqual(['overdue', 'warning']);

  await completeCaseTask(platform, no, 'survey', 'wangqiang', {
    documentsComplete: false,
    missingDocuments: '消防验收意见书',
    surveyFindings: '资料不全',
  });
  const waiting = await waitForState(platform, no, 'waiting-documents');
  await waitFor(async () => (await caseOf(platform, no)).timeLimit.state === 'paused', { description: 'paused clock' });
  expect(waiting.currentTasks).toEqual([]);
  const clerk = await platform.as('zhangli');
  const supplemented = await clerk.post(`/business-expansion/applications/${no}/documents`, {
    documents: [{ kind: 'other', name: '消防验收意见书' }],
  });
  expect(supplemented.status).toBe(201);
  const again = await clerk.post(`/business-expansion/applications/${no}/documents`, {
    documents: [{ kind: 'other', name: '重复提交' }],
  });
  expect(again.status).toBe(409);

  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', {
    ...SCHEME_LV,
    supplyVoltage: '380V',
    meteringMethod: '低压经互感器计量',
    billingMethod: 'two-part',
  });
  await expectOpenTasks(platform, no, ['completion-inspection', 'sign-contract']);
  const scheme = (await clerk.get(`/business-expansion/supply-schemes/${no}`)).body;
  expect(scheme).toMatchObject({ supplyVoltage: '380V', billingMethod: 'two-part', lineType: 'cable' });
  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', {
    inspectionPassed: true,
    inspectionOpinion: '合格',
  });
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', CONTRACT_SIGNED);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);

  const archived = await waitForState(platform, no, 'archived');
  const path = await pathTaken(platform, no);
  expect(path.slice(0, 3)).toEqual(['survey', 'survey', 'supply-scheme']);
  // inspection ∥ contract: created in either order under the pinned clock
  expect([...path.slice(3, 5)].sort()).toEqual(['completion-inspection', 'sign-contract']);
  expect(path.slice(5)).toEqual(['install-meter']);
  expect(archived.documents.map((d: any) => d.supplemented)).toEqual([false, false, false, false, true]);
  expect(archived.timeLimit.pauses).toHaveLength(1);
  expect(archived.metering.meter.spec).toContain('互感器');
  expect(archived.account).toMatchObject({ voltage: '380V', category: 'commercial', status: 'active' });
}, 120_000);

test('a three-zero case signs its contract at application and goes straight to meter installation', async () => {
  await platform.pinClock('2026-10-12T02:00:00Z');
  const submitted = await submit(platform, {
    customer: company('上海小微咖啡馆'),
    businessType: 'new',
    address: '上海市浦东新区浦电路 38 号',
    voltage: '380V',
    capacityKva: 160,
    category: 'commercial',
    documents: DOCUMENTS.nonResidential.slice(0, 3),
  });
  expect(submitted.customerClass).toBe('three-zero');
  const no = submitted.applicationNo;
  await expectOpenTasks(platform, no, ['install-meter']);
  const atMeter = await caseOf(platform, no);
  expect(atMeter.contract).toMatchObject({ status: 'signed', signedOn: '2026-10-12' });
  expect(atMeter.fees).toEqual([]);
  // 10 calendar days for the whole case (Shanghai three-zero): Monday 12 October → Thursday 22 October 24:00.
  expect(atMeter.timeLimit).toMatchObject({ amount: 10, unit: 'CD', dueAt: '2026-10-22T16:00:00.000Z' });
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);
  const archived = await waitForState(platform, no, 'archived');
  expect(await pathTaken(platform, no)).toEqual(['install-meter']);
  expect(archived.timeLimit).toMatchObject({ state: 'finished', compliant: true });
  const account = await Account.findByPk(archived.application.accountId);
  expect(Number(account!.capacityKva)).toBe(160);
}, 60_000);

test('161 kVA is above the Shanghai three-zero cut-off: a non-residential case', async () => {
  const submitted = await submit(platform, {
    customer: company('上海中型超市'),
    businessType: 'new',
    address: '上海市浦东新区浦电路 40 号',
    voltage: '380V',
    capacityKva: 161,
    category: 'commercial',
    documents: DOCUMENTS.nonResidential,
  });
  expect(submitted.customerClass).toBe('lv-non-residential');
  await expectOpenTasks(platform, submitted.applicationNo, ['survey']);
});
