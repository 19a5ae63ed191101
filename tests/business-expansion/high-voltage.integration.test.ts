/**
 * 业扩 high-voltage single-source cases end to end: scheme approval that sends the scheme back, the customer's own
 * construction (clock paused) with a failed and a passed completion inspection, contract ∥ metering, energization;
 * design review and mid-construction inspection only for an important customer. Due dates span the 2026 National
 * Day holiday and its make-up working Saturday (10 October).
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  CONTRACT_SIGNED,
  DESIGN_APPROVED,
  ENERGIZED,
  INSPECTION_FAILED,
  INSPECTION_PASSED,
  METER_INSTALLED,
  MID_INSPECTION_OK,
  SCHEME_HV,
  SURVEY_OK,
  caseOf,
  completeCaseTask,
  customerReportsWorksDone,
  expectOpenTasks,
  hvApplication,
  pathTaken,
  submit,
  waitForState,
} from './business-expansion-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

const customerBuilds = (no: string, waitingState = 'waiting-construction') =>
  customerReportsWorksDone(platform, no, waitingState);

test('HV single source: approval sends the scheme back, a failed inspection waits for rectification', async () => {
  await platform.pinClock('2026-09-29T02:00:00Z');
  const submitted = await submit(platform, hvApplication('上海张江精密制造有限公司'));
  expect(submitted.customerClass).toBe('hv-single');
  const no = submitted.applicationNo;
  const [survey] = await expectOpenTasks(platform, no, ['survey']);
  // 2 WD from Tuesday 29 September: Wednesday 30 September, then Thursday 8 October after the holiday.
  expect(survey.dueDate).toBe('2026-10-08T16:00:00.000Z');
  expect((await caseOf(platform, no)).timeLimit).toMatchObject({ amount: 22, unit: 'WD', state: 'running' });
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);

  const [schemeTask] = await expectOpenTasks(platform, no, ['supply-scheme']);
  // 11 WD: 30 Sep, 8, 9, 10 (make-up Saturday), 12–16, 19, 20 October → due Tuesday 20 October 24:00.
  expect(schemeTask.dueDate).toBe('2026-10-20T16:00:00.000Z');
  const scheme = { ...SCHEME_HV, supplyVoltage: '10kV' };
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', scheme);
  await completeCaseTask(platform, no, 'scheme-approval', 'chenjing', {
    schemeApproved: false,
    approvalComment: '电源点负载率过高，请改接 I 段',
  });
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', { ...scheme, supplyPoint: '张江变 10kV I 段 #3' });
  await completeCaseTask(platform, no, 'scheme-approval', 'chenjing', {
    schemeApproved: true,
    approvalComment: '同意',
  });

  await customerBuilds(no);
  const atInspection = await caseOf(platform, no);
  expect(atInspection.fees).toEqual([]);
  expect(atInspection.contract.status).toBe('drafted');
  expect(atInspection.scheme.supplyPoint).toBe('张江变 10kV I 段 #3');
  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', INSPECTION_FAILED);
  await customerBuilds(no, 'waiting-rectification');
  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', INSPECTION_PASSED);
  await expectOpenTasks(platform, no, ['install-meter', 'sign-contract']);
  // Signed on the day the clock stands at (a signing day may not be in the future).
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', {
    ...CONTRACT_SIGNED,
    contractSignedAt: '2026-09-29',
  });
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);
  await completeCaseTask(platform, no, 'energization', 'zhaolei', ENERGIZED);

  const archived = await waitForState(platform, no, 'archived');
  const path = await pathTaken(platform, no);
  expect(path.slice(0, 6)).toEqual([
    'survey',
    'supply-scheme',
    'scheme-approval',
    'supply-scheme',
    'scheme-approval',
    'completion-inspection',
  ]);
  expect(path.slice(6, 7)).toEqual(['completion-inspection']);
  expect([...path.slice(7, 9)].sort()).toEqual(['install-meter', 'sign-contract']);
  expect(path.slice(9)).toEqual(['energization']);
  expect(path).not.toContain('design-review');
  expect(archived.timeLimit.pauses).toHaveLength(2);
  expect(archived.account).toMatchObject({ voltage: '10kV', status: 'active', category: 'industrial' });
  expect(archived.metering.meter.spec).toContain('三相三线');
  // What people entered is kept in the case's own tables: the case record and its archive show it.
  const entered = (steps: { step: string; entered: Record<string, unknown> }[]) =>
    steps.map(({ step, entered }) => [step, entered]);
  const expectedSteps = [
    ['survey', SURVEY_OK],
    ['scheme-approval', { schemeApproved: false, approvalComment: '电源点负载率过高，请改接 I 段' }],
    ['scheme-approval', { schemeApproved: true, approvalComment: '同意' }],
    ['completion-inspection', INSPECTION_FAILED],
    ['completion-inspection', INSPECTION_PASSED],
    ['sign-contract', { ...CONTRACT_SIGNED, contractSignedAt: '2026-09-29' }],
    ['install-meter', METER_INSTALLED],
    ['energization', ENERGIZED],
  ];
  const sortedSteps = (steps: unknown[][]) =>
    [...steps].sort(
      (a, b) => String(a[0]).localeCompare(String(b[0])) || JSON.stringify(a).localeCompare(JSON.stringify(b)),
    );
  expect(sortedSteps(entered(archived.steps))).toEqual(sortedSteps(expectedSteps));
  expect(sortedSteps(entered(archived.archive.snapshot.steps))).toEqual(sortedSteps(expectedSteps));
}, 120_000);

test('an important HV customer also gets design review and mid-construction inspection', async () => {
  await platform.pinClock('2026-10-12T02:00:00Z');
  const submitted = await submit(platform, hvApplication('上海浦东国际医院', true));
  expect(submitted.customerClass).toBe('hv-single');
  const no = submitted.applicationNo;
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', { ...SCHEME_HV, supplyVoltage: '10kV' });
  await completeCaseTask(platform, no, 'scheme-approval', 'chenjing', {
    schemeApproved: true,
    approvalComment: '同意',
  });
  const [review] = await expectOpenTasks(platform, no, ['design-review']);
  // 10 WD from Monday 12 October: Monday 26 October 24:00.
  expect(review.dueDate).toBe('2026-10-26T16:00:00.000Z');
  await completeCaseTask(platform, no, 'design-review', 'liuyang', DESIGN_APPROVED);
  await completeCaseTask(platform, no, 'mid-inspection', 'zhaolei', MID_INSPECTION_OK);
  await customerBuilds(no);
  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', INSPECTION_PASSED);
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', CONTRACT_SIGNED);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);
  await completeCaseTask(platform, no, 'energization', 'zhaolei', ENERGIZED);
  await waitForState(platform, no, 'archived');
  const path = await pathTaken(platform, no);
  expect(path.slice(0, 6)).toEqual([
    'survey',
    'supply-scheme',
    'scheme-approval',
    'design-review',
    'mid-inspection',
    'completion-inspection',
  ]);
}, 120_000);
