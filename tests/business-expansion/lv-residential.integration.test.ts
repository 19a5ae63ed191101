/**
 * 业扩 low-voltage residential (低压居民) end to end: API → engine → workers → tasks done by the demo users, with
 * the clock pinned before the 2026 National Day holiday, so that due dates skip it; then the archive and account.
 */
import { Account } from '../../db/core/customer-models';
import { usePlatform, type Platform } from '../platform/platform-kit';
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

test('a residential new connection runs survey → scheme → contract ∥ fees → metering → archive', async () => {
  // Tuesday 2026-09-29 10:00 China time; 1 October–7 October are holidays.
  await platform.pinClock('2026-09-29T02:00:00Z');
  const customer = applicant({ name: '李明' });
  const submitted = await submit(platform, {
    customer,
    businessType: 'new',
    address: '上海市浦东新区张杨路 500 弄 3 号 1201 室',
    voltage: '220V',
    capacityKva: 8,
    category: 'residential',
    documents: DOCUMENTS.residential,
  });
  expect(submitted.applicationNo).toMatch(/^YK20260929-\d{4}$/);
  expect(submitted.customerClass).toBe('lv-residential');
  const no = submitted.applicationNo;

  const [survey] = await expectOpenTasks(platform, no, ['survey']);
  // 1 working day from Tuesday: Wednesday 30 September, 24:00 China time.
  expect(survey.dueDate).toBe('2026-09-30T16:00:00.000Z');
  expect((await caseOf(platform, no)).timeLimit).toMatchObject({ amount: 5, unit: 'WD', state: 'running' });
  // The survey is done on Wednesday: the scheme's due date is computed from then.
  await platform.pinClock('2026-09-30T03:00:00Z');
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  const [scheme] = await expectOpenTasks(platform, no, ['supply-scheme']);
  // Started Wednesday 30 September with 1 WD: the holiday week is skipped, due Thursday 8 October 24:00.
  expect(scheme.dueDate).toBe('2026-10-08T16:00:00.000Z');
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', {
    ...SCHEME_LV,
    supplyVoltage: '220V',
    meteringMethod: '低压直接计量',
    billingMethod: 'single-part',
  });

  await expectOpenTasks(platform, no, ['sign-contract']);
  const atContract = await caseOf(platform, no);
  expect(atContract.fees).toEqual([]);
  expect(atContract.contract.text).toContain('李明');
  expect(atContract.contract.text).toContain('220V');
  // The signing day is the one entered, a real date not after today (30 September): a later day or a non-date is
  // refused, naming the field; the signature is recorded with the day entered, not the day of the step.
  const [signTask] = await expectOpenTasks(platform, no, ['sign-contract']);
  const clerk = await platform.as('zhangli');
  for (const contractSignedAt of ['2026-10-01', '九月二十九日', '2026-09-31']) {
    const refused = await clerk.post(`/tasks/${signTask.userTaskKey}/complete`, {
      variables: { ...CONTRACT_SIGNED, contractSignedAt },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'contractSignedAt', label: '签订日期' })]);
  }
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', {
    ...CONTRACT_SIGNED,
    contractSignedAt: '2026-09-29',
  });

  await expectOpenTasks(platform, no, ['install-meter']);
  const atMeter = await caseOf(platform, no);
  expect(atMeter.contract.status).toBe('signed');
  expect(atMeter.contract.signedOn).toBe('2026-09-29');
  expect(atMeter.metering.meter.assetNo).toMatch(/^ZC/);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);

  const archived = await waitForState(platform, no, 'archived');
  expect(await pathTaken(platform, no)).toEqual(['survey', 'supply-scheme', 'sign-contract', 'install-meter']);
  expect(archived.archive.snapshot.application.applicationNo).toBe(no);
  expect(archived.archive.snapshot.contract.status).toBe('signed');
  expect(archived.timeLimit).toMatchObject({ state: 'finished' });
  const account = await Account.findOne({ where: { customerId: archived.application.customerId } });
  expect(account).toMatchObject({ status: 'active', voltage: '220V', category: 'residential' });
  expect(Number(account!.capacityKva)).toBe(8);
  expect(archived.account.accountNo).toBe(account!.accountNo);
}, 120_000);

test('a capacity increase raises the existing account instead of creating one', async () => {
  const clerk = await platform.as('zhangli');
  const customer = await clerk.post('/customers', applicant({ name: '王芳' }));
  expect(customer.status).toBe(201);
  const account = await clerk.post('/accounts', {
    customerId: customer.body.id,
    address: customer.body.address,
    voltage: '220V',
    capacityKva: 8,
    category: 'residential',
  });
  expect(account.status).toBe(201);
  const found = await clerk.get(`/customers?q=${encodeURIComponent('王芳')}`);
  expect(found.body.items.map((c: any) => c.id)).toEqual([customer.body.id]);
  const { applicationNo: no } = await submit(platform, {
    customerId: customer.body.id,
    businessType: 'increase',
    accountId: account.body.id,
    address: customer.body.address,
    voltage: '220V',
    capacityKva: 4,
    category: 'residential',
    documents: DOCUMENTS.residential,
  });
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', { ...SCHEME_LV, supplyVoltage: '220V' });
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', CONTRACT_SIGNED);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);
  await waitForState(platform, no, 'archived');
  const after = await clerk.get(`/customers/${customer.body.id}`);
  expect(after.body.accounts).toHaveLength(1);
  // a number on every database (MariaDB answers DECIMAL as a string)
  expect(after.body.accounts[0].capacityKva).toBe(12);
  const listed = await clerk.get(
    `/business-expansion/applications?customer=${encodeURIComponent('王芳')}&state=archived`,
  );
  expect(listed.body.items.map((a: any) => a.applicationNo)).toEqual([no]);
}, 120_000);
