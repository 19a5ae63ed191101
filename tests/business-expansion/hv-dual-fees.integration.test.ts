/**
 * 业扩 high-voltage dual source (高压双电源): the high-reliability supply fee from DMN high-reliability-fee
 * (capacity × rate by voltage, line type and who builds the external works), the fee notice, partial and full
 * payment through the API, and the case going on only once the fees are settled.
 */
import { maskPhone } from '../../lib/privacy/mask-pii';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  CONTRACT_SIGNED,
  ENERGIZED,
  INSPECTION_PASSED,
  METER_INSTALLED,
  caseOf,
  completeCaseTask,
  dualSourceCase,
  expectOpenTasks,
  pathTaken,
  throughApproval,
  waitForState,
} from './business-expansion-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

test('HV dual source pays 190 yuan/kVA; the case waits until the fees are paid in full', async () => {
  await platform.pinClock('2026-10-12T02:00:00Z');
  const { no, phone } = await dualSourceCase(platform, '临港数据中心有限公司', 2000);
  const clerk = await platform.as('zhangli');
  const early = await clerk.post(`/business-expansion/applications/${no}/payments`, {
    amountFen: 100,
    method: 'counter',
  });
  expect(early.status).toBe(422);
  expect(early.body.code).toBe('NO_FEES_DUE');

  await throughApproval(platform, no, { lineType: 'overhead', externalWorksBuiltBy: 'supplier' });
  const waiting = await waitForState(platform, no, 'waiting-payment');
  expect(waiting.fees).toEqual([expect.objectContaining({ kind: 'high-reliability', amountFen: 2000 * 190 * 100 })]);
  expect(waiting.fees[0].basis).toMatchObject({ capacityKva: 2000, ratePerKva: 190, lineType: 'overhead' });
  const admin = await platform.as('admin');
  const notices = (await admin.get(`/notifications?businessKey=${no}`)).body.items as any[];
  expect(notices).toContainEqual(
    expect.objectContaining({
      kind: 'fee-notice',
      recipient: maskPhone(phone),
      body: expect.stringContaining('380000.00 元'),
    }),
  );
  await waitFor(async () => (await caseOf(platform, no)).timeLimit.state === 'paused', { description: 'paused' });
  expect((await caseOf(platform, no)).timeLimit).toMatchObject({ amount: 32, unit: 'WD' });

  const part = await clerk.post(`/business-expansion/applications/${no}/payments`, {
    amountFen: 10_000_000,
    method: 'bank-transfer',
  });
  expect(part.body).toMatchObject({ settled: false, dueFen: 38_000_000, paidFen: 10_000_000 });
  expect((await caseOf(platform, no)).application.state).toBe('waiting-payment');
  const notANumber = await clerk.post(`/business-expansion/applications/${no}/payments`, {
    amountFen: '28000000',
    method: 'counter',
  });
  expect(notANumber.status).toBe(400);
  const rest = await clerk.post(`/business-expansion/applications/${no}/payments`, {
    amountFen: 28_000_000,
    method: 'counter',
  });
  expect(rest.body).toMatchObject({ settled: true, paidFen: 38_000_000 });
  const more = await clerk.post(`/business-expansion/applications/${no}/payments`, { amountFen: 1, method: 'counter' });
  expect(more.status).toBe(409);

  await waitForState(platform, no, 'waiting-construction');
  await clerk.post(`/business-expansion/applications/${no}/construction-completed`);
  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', INSPECTION_PASSED);
  await expectOpenTasks(platform, no, ['install-meter', 'sign-contract']);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', CONTRACT_SIGNED);
  await completeCaseTask(platform, no, 'energization', 'zhaolei', ENERGIZED);
  const archived = await waitForState(platform, no, 'archived');
  expect((await pathTaken(platform, no)).slice(0, 4)).toEqual([
    'survey',
    'supply-scheme',
    'scheme-approval',
    'completion-inspection',
  ]);
  expect(archived.archive.snapshot).toMatchObject({ feesDueFen: 38_000_000, paidFen: 38_000_000 });
  expect(archived.timeLimit.pauses).toHaveLength(2);
  expect(archived.account).toMatchObject({ voltage: '20kV', status: 'active' });
}, 120_000);

test('cable lines cost 1.5 times, and a customer building the external works pays the lower rate', async () => {
  const { no } = await dualSourceCase(platform, '临港新材料有限公司', 800);
  await throughApproval(platform, no, { lineType: 'cable', externalWorksBuiltBy: 'customer' });
  const waiting = await waitForState(platform, no, 'waiting-payment');
  // 128 yuan/kVA when the customer builds, × 1.5 for cable: 192 yuan/kVA × 800 kVA.
  expect(waiting.fees[0]).toMatchObject({ kind: 'high-reliability', amountFen: 800 * 192 * 100 });
}, 60_000);
