/**
 * 业扩 cases that go back to the customer and come round again, through the one shared wait (clock paused, the
 * customer told what to do): a low-voltage non-residential completion inspection that fails (竣工检验不合格 → 整改 →
 * 复验) and a high-voltage design review that does not approve the design (设计审查不通过 → 修改设计 → 重新审查).
 */
import { maskPhone } from '../../lib/privacy/mask-pii';
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  CONTRACT_SIGNED,
  DESIGN_APPROVED,
  DESIGN_REJECTED,
  DOCUMENTS,
  ENERGIZED,
  INSPECTION_FAILED,
  INSPECTION_PASSED,
  METER_INSTALLED,
  MID_INSPECTION_OK,
  SCHEME_APPROVED,
  SCHEME_HV,
  SCHEME_LV,
  SURVEY_OK,
  applicant,
  completeCaseTask,
  customerNotices,
  customerReportsWorksDone,
  expectOpenTasks,
  hvApplication,
  pathTaken,
  submit,
  waitForClock,
  waitForState,
} from './business-expansion-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

const later = (record: any, than: any) => expect(Date.parse(record.timeLimit.dueAt)).toBeGreaterThan(Date.parse(than));

test('LV non-residential: a failed completion inspection waits for the rectification, then inspects again', async () => {
  await platform.pinClock('2026-10-12T01:00:00Z');
  const customer = applicant({ kind: 'company', name: '上海浦东烘焙坊', idNumber: `91310115MA1R${Date.now() % 1e6}` });
  const submitted = await submit(platform, {
    customer,
    businessType: 'new',
    address: '上海市浦东新区崂山路 66 号',
    voltage: '380V',
    capacityKva: 200,
    category: 'commercial',
    documents: DOCUMENTS.nonResidential,
  });
  expect(submitted.customerClass).toBe('lv-non-residential');
  const no = submitted.applicationNo;
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', { ...SCHEME_LV, supplyVoltage: '380V' });
  const [firstInspection] = await expectOpenTasks(platform, no, ['completion-inspection', 'sign-contract']);
  const clerk = await platform.as('zhangli');
  const report = () => clerk.post(`/business-expansion/applications/${no}/construction-completed`);
  // Nothing to rectify yet: the counter cannot report it.
  expect((await report()).status).toBe(409);

  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', INSPECTION_FAILED);
  await waitForState(platform, no, 'waiting-rectification');
  const paused = await waitForClock(platform, no, 'paused');
  const notices = await customerNotices(platform, no);
  expect(notices.at(-1)).toMatchObject({ recipient: maskPhone(customer.phone), kind: 'customer' });
  expect(notices.at(-1).body).toContain(INSPECTION_FAILED.inspectionOpinion);
  // The contract goes on while the customer rectifies; no inspection meanwhile.
  await expectOpenTasks(platform, no, ['sign-contract']);
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', CONTRACT_SIGNED);
  await expectOpenTasks(platform, no, []);

  // Two days later the customer reports the rectification done: inspected again, with a new due date.
  await platform.pinClock('2026-10-14T01:00:00Z');
  expect((await report()).status).toBe(200);
  expect((await report()).status).toBe(409);
  const [secondInspection] = await expectOpenTasks(platform, no, ['completion-inspection']);
  expect(Date.parse(secondInspection.dueDate)).toBeGreaterThan(Date.parse(firstInspection.dueDate));
  later(await waitForClock(platform, no, 'running'), paused.timeLimit.dueAt);
  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', INSPECTION_PASSED);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);

  const archived = await waitForState(platform, no, 'archived');
  const path = await pathTaken(platform, no);
  expect(path.slice(0, 2)).toEqual(['survey', 'supply-scheme']);
  expect([...path.slice(2, 4)].sort()).toEqual(['completion-inspection', 'sign-contract']);
  expect(path.slice(4)).toEqual(['completion-inspection', 'install-meter']);
  expect(archived.timeLimit.pauses).toHaveLength(1);
  expect(archived.timeLimit.state).toBe('finished');
}, 120_000);

test('HV design review sends the design back: the customer hands in a revised design, reviewed again', async () => {
  await platform.pinClock('2026-10-12T02:00:00Z');
  const submitted = await submit(platform, hvApplication('上海浦东康复医院', true));
  const no = submitted.applicationNo;
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', { ...SCHEME_HV, supplyVoltage: '10kV' });
  await completeCaseTask(platform, no, 'scheme-approval', 'chenjing', SCHEME_APPROVED);
  const clerk = await platform.as('zhangli');
  const resubmit = (body: unknown) => clerk.post(`/business-expansion/applications/${no}/design`, body);
  const revised = {
    documents: [{ kind: 'design-drawings', name: '受电工程设计图纸（修改版）' }],
    revisionNote: '改为 800kVA',
  };
  await expectOpenTasks(platform, no, ['design-review']);
  expect((await resubmit(revised)).status).toBe(409);

  await completeCaseTask(platform, no, 'design-review', 'liuyang', DESIGN_REJECTED);
  await waitForState(platform, no, 'waiting-design');
  const paused = await waitForClock(platform, no, 'paused');
  expect(paused.currentTasks).toEqual([]);
  expect((await customerNotices(platform, no)).at(-1).body).toContain(DESIGN_REJECTED.designReviewOpinion);
  const withoutDrawings = await resubmit({ documents: [{ kind: 'other', name: '修改说明' }] });
  expect(withoutDrawings.status).toBe(400);
  expect(JSON.stringify(withoutDrawings.body)).toContain('design-drawings');

  // Thursday 15 October the revised design comes in: 10 WD again, 16–29 October → Thursday 29 October 24:00.
  await platform.pinClock('2026-10-15T02:00:00Z');
  expect((await resubmit(revised)).status).toBe(201);
  expect((await resubmit(revised)).status).toBe(409);
  const [again] = await expectOpenTasks(platform, no, ['design-review']);
  expect(again.dueDate).toBe('2026-10-29T16:00:00.000Z');
  later(await waitForClock(platform, no, 'running'), paused.timeLimit.dueAt);
  await completeCaseTask(platform, no, 'design-review', 'liuyang', DESIGN_APPROVED);
  await completeCaseTask(platform, no, 'mid-inspection', 'zhaolei', MID_INSPECTION_OK);
  await customerReportsWorksDone(platform, no, 'waiting-construction');
  await completeCaseTask(platform, no, 'completion-inspection', 'zhaolei', INSPECTION_PASSED);
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', CONTRACT_SIGNED);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', METER_INSTALLED);
  await completeCaseTask(platform, no, 'energization', 'zhaolei', ENERGIZED);

  const archived = await waitForState(platform, no, 'archived');
  expect((await pathTaken(platform, no)).slice(0, 6)).toEqual([
    'survey',
    'supply-scheme',
    'scheme-approval',
    'design-review',
    'design-review',
    'mid-inspection',
  ]);
  expect(archived.documents.at(-1)).toMatchObject({ kind: 'design-drawings', supplemented: true });
  // Two waits on the customer: the design revision and their construction.
  expect(archived.timeLimit.pauses).toHaveLength(2);
}, 120_000);
