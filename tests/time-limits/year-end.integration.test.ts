/**
 * Time limits across the turn of 2026/2027 on the real engine and application: due dates into 2027 before its
 * holiday schedule is entered (statutory holidays from the lunar calendar; the provisional notice on the task and
 * the case wherever the API shows them) and after; open due dates of tasks and cases recomputed when an
 * administrator adds a holiday, with the case history; the administrators' reminders from 1 November; record
 * timestamps under the pinned clock.
 *
 * The 2027 schedule entered here is illustrative, as an administrator would type a notice (Jan 1–3 and Feb 5–11
 * off, Sat Feb 20 worked): the installed lunar-typescript carries no 2027 notice and none is made up in the data.
 */
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';
import { usePlatform, type Platform } from '../platform/platform-kit';

let platform: Platform;
const fixture = (name: string) => join(__dirname, 'fixtures', name);
const NOTICE_TEXT = '假日安排未录入，期限可能变化';

usePlatform(async (started) => {
  platform = started;
  const zeebe = platform.application.services.camunda.zeebe;
  await zeebe.deployResource({ decisionFilename: fixture('time-limit-test.dmn') });
  await zeebe.deployResource({ processFilename: fixture('time-limit-test.bpmn') });
});

async function startCase(businessKey: string): Promise<string> {
  const zeebe = platform.application.services.camunda.zeebe;
  const instance = await zeebe.createProcessInstance({ bpmnProcessId: 'time-limit-test', variables: { businessKey } });
  return instance.processInstanceKey;
}

const admin = () => platform.as('admin');
const manager = () => platform.as('zhoumin');
const dueIn = async (from: string, amount: number) =>
  (await (await manager()).get(`/calendar/add?from=${encodeURIComponent(from)}&amount=${amount}&unit=WD`)).body;

/** Everything the API shows of a case's survey task and whole-case limit. */
async function views(businessKey: string, pik: string) {
  const survey = await platform.openTask(pik, 'survey');
  const task = (await (await platform.as('wangqiang')).get(`/tasks/${survey.userTaskKey}`)).body;
  const list = (await (await admin()).get(`/tasks?processInstanceKey=${pik}`)).body.items;
  const caseView = (await (await manager()).get(`/cases/${businessKey}`)).body;
  const clock = (await (await manager()).get(`/time-limits/cases/${businessKey}`)).body;
  return { survey, task, listed: list.find((t: any) => t.elementId === 'survey'), caseView, clock };
}

const notice2027 = { code: 'HOLIDAY_SCHEDULE_NOT_ENTERED', year: 2027, message: expect.stringContaining(NOTICE_TEXT) };

test('without the 2027 schedule: statutory holidays rest, and the task and the case say the due date may change', async () => {
  // The residential case of the issue: 3 WD from Tue 2026-12-29 ran into New Year's Day.
  await platform.pinClock('2026-12-29T09:00:00+08:00');
  const pik = await startCase('TL20261229-0001');
  const { survey, task, listed, caseView, clock } = await views('TL20261229-0001', pik);
  // Dec 30, Dec 31, (Jan 1 statutory holiday, Jan 2–3 weekend), Mon Jan 4.
  expect(new Date(survey.dueDate).toISOString()).toBe('2027-01-04T16:00:00.000Z');
  expect(task.dueDateNotice).toEqual(notice2027);
  expect(task.variables.limit_survey.dueDate).toBe('2027-01-04T16:00:00.000Z');
  expect(listed.dueDateNotice).toEqual(notice2027);
  expect(caseView.openTasks).toEqual([expect.objectContaining({ elementId: 'survey', dueDateNotice: notice2027 })]);
  // The whole case, 5 WD: Dec 30, 31, Jan 4, 5, 6.
  expect(clock).toMatchObject({ dueAt: '2027-01-06T16:00:00.000Z', dueAtNotice: notice2027, dueDateChanges: [] });
  expect(caseView.timeLimit).toMatchObject({ dueAt: '2027-01-06T16:00:00.000Z', dueAtNotice: notice2027 });

  // The 10 kV case of the issue: 22 WD from Mon 2026-12-07 ends Thu 2027-01-07 24:00, not on Jan 6.
  expect(await dueIn('2026-12-07T10:00:00+08:00', 22)).toEqual({
    dueDate: '2027-01-07T16:00:00.000Z',
    dueDateNotice: notice2027,
  });
  // The Spring Festival by statute: 除夕 Feb 5 to 初三 Feb 8 rest; Thu Feb 4 + 1 WD is Tue Feb 9.
  expect((await dueIn('2027-02-04T09:00:00+08:00', 1)).dueDate).toBe('2027-02-09T16:00:00.000Z');
  // Within 2026 nothing is flagged.
  expect(await dueIn('2026-12-21T09:00:00+08:00', 3)).toEqual({
    dueDate: '2026-12-24T16:00:00.000Z',
    dueDateNotice: null,
  });
  const years = (await (await manager()).get('/calendar/years')).body.items;
  expect(years).toContainEqual(expect.objectContaining({ year: 2026, published: true, source: 'package' }));
  expect(years).toContainEqual(expect.objectContaining({ year: 2027, published: false }));
});

test('administrators are reminded from 1 November of the year before, once a week while the schedule is missing', async () => {
  const reminders = async (day: string) =>
    ((await (await admin()).get('/notifications?limit=500')).body.items as any[]).filter(
      (n) => n.kind === 'calendar' && n.createdAt.startsWith(day),
    );
  await platform.pinClock('2026-10-31T12:00:00+08:00');
  expect(await reminders('2026-10-31')).toEqual([]);
  // Pinning the clock runs the check before it answers: no waiting on a timer.
  await platform.pinClock('2026-11-01T09:00:00+08:00');
  const [first] = await reminders('2026-11-01');
  expect(first).toMatchObject({ recipientType: 'role', recipient: 'admin', status: 'sent' });
  expect(first.title).toContain('2027年节假日安排尚未录入');
  expect(first.body).toContain('PUT /api/calendar/years/2027');
  await platform.pinClock('2026-11-05T09:00:00+08:00');
  expect(await reminders('2026-11-05')).toEqual([]);
  await platform.pinClock('2026-11-08T09:00:00+08:00');
  expect(await reminders('2026-11-08')).toHaveLength(1);
  expect(await reminders('2026-11-01')).toHaveLength(1);
});

test('a record made under the pinned clock carries the pinned day, like its number', async () => {
  await platform.pinClock('2026-12-30T10:00:00+08:00');
  const created = await (
    await platform.as('zhangli')
  ).post('/customers', {
    kind: 'person',
    name: '钱时钟',
    idNumber: '310101199001011234',
    phone: '13800000000',
    address: '上海市浦东新区测试路1号',
    area: 'SH-PD',
  });
  expect(created.status).toBe(201);
  expect(created.body.customerNo).toMatch(/^KH20261230-/);
  expect(created.body.createdAt).toBe('2026-12-30T02:00:00.000Z');
  expect(created.body.updatedAt).toBe('2026-12-30T02:00:00.000Z');
});

test('with the 2027 schedule entered and confirmed: the schedule rules, the notice is gone, open due dates follow', async () => {
  const administrator = await admin();
  await platform.pinClock('2026-12-30T09:00:00+08:00');
  const days = [
    ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => [date, 'holiday', '元旦']),
    ...['05', '06', '07', '08', '09', '10', '11'].map((d) => [`2027-02-${d}`, 'holiday', '春节']),
    ['2027-02-20', 'workday', '春节调休上班'],
  ];
  for (const [date, kind, name] of days) {
    const answer = await administrator.put(`/calendar/days/${date}`, { kind, name });
    expect(answer.status).toBe(200);
  }
  expect((await (await platform.as('zhangli')).put('/calendar/years/2027', { notice: 'x' })).status).toBe(403);
  const confirmed = await administrator.put('/calendar/years/2027', { notice: '国务院办公厅2027年节假日安排（示例）' });
  expect(confirmed.body).toMatchObject({ year: 2027, published: true, source: 'administrator', enteredBy: 'admin' });
  // The open case of the first test keeps its dates (Jan 1–3 already rested), now without the notice.
  const open = await views(
    'TL20261229-0001',
    (await (await manager()).get('/time-limits/cases/TL20261229-0001')).body.processInstanceKey,
  );
  expect(new Date(open.survey.dueDate).toISOString()).toBe('2027-01-04T16:00:00.000Z');
  expect(open.task.dueDateNotice).toBeNull();
  expect(open.clock).toMatchObject({ dueAt: '2027-01-06T16:00:00.000Z', dueAtNotice: null });
  expect(open.caseView.openTasks[0].dueDateNotice).toBeNull();

  // The schedule, not the statute: Thu Feb 4 + 1 WD runs past Feb 5–11 to Fri Feb 12; Sat Feb 20 is worked.
  expect(await dueIn('2027-02-04T09:00:00+08:00', 1)).toEqual({
    dueDate: '2027-02-12T16:00:00.000Z',
    dueDateNotice: null,
  });
  expect((await dueIn('2027-02-19T09:00:00+08:00', 1)).dueDate).toBe('2027-02-20T16:00:00.000Z');
  // A new case from Wed Dec 30: Dec 31, Jan 4, Jan 5.
  const pik = await startCase('TL20261230-0001');
  const fresh = await views('TL20261230-0001', pik);
  expect(new Date(fresh.survey.dueDate).toISOString()).toBe('2027-01-05T16:00:00.000Z');
  expect(fresh.task.dueDateNotice).toBeNull();
  expect(fresh.clock.dueAtNotice).toBeNull();
});

test('a holiday added by an administrator moves every open due date it touches, with the case history', async () => {
  const businessKey = 'TL20261230-0001';
  const before = await views(
    businessKey,
    (await (await manager()).get(`/time-limits/cases/${businessKey}`)).body.processInstanceKey,
  );
  expect(new Date(before.survey.dueDate).toISOString()).toBe('2027-01-05T16:00:00.000Z');
  expect(before.clock.dueAt).toBe('2027-01-07T16:00:00.000Z'); // Dec 31, Jan 4, 5, 6, 7

  // Mon Jan 4 becomes a rest day: both open cases' surveys and whole-case limits move by one working day.
  const added = await (await admin()).put('/calendar/days/2027-01-04', { kind: 'holiday', name: '元旦补休' });
  expect(added.body).toMatchObject({ date: '2027-01-04', kind: 'holiday', recomputed: { tasks: 2, cases: 2 } });

  const survey = await waitFor(
    async () => {
      const task = await platform.openTask(before.survey.processInstanceKey, 'survey');
      return new Date(task.dueDate).toISOString() === '2027-01-06T16:00:00.000Z' && task;
    },
    { description: 'the survey task’s due date moved in the engine' },
  );
  const after = await views(businessKey, survey.processInstanceKey);
  expect(after.task.variables.limit_survey).toMatchObject({
    dueDate: '2027-01-06T16:00:00.000Z',
    // The warning keeps its one working day before the due date: Jan 5 24:00.
    warnDate: '2027-01-05T16:00:00.000Z',
  });
  expect(after.clock.dueAt).toBe('2027-01-08T16:00:00.000Z');
  const reason = expect.stringContaining('2027-01-04 设为休息日（元旦补休）');
  const history = [
    {
      subject: 'task',
      step: 'survey',
      userTaskKey: survey.userTaskKey,
      oldDueAt: '2027-01-05T16:00:00.000Z',
      newDueAt: '2027-01-06T16:00:00.000Z',
      reason,
      changedBy: 'admin',
      at: '2026-12-30T01:00:00.000Z',
    },
    {
      subject: 'case',
      step: 'case',
      userTaskKey: null,
      oldDueAt: '2027-01-07T16:00:00.000Z',
      newDueAt: '2027-01-08T16:00:00.000Z',
      reason,
      changedBy: 'admin',
      at: '2026-12-30T01:00:00.000Z',
    },
  ];
  expect(after.clock.dueDateChanges).toEqual(history);
  expect(after.caseView.dueDateChanges).toEqual(history);
  // The other open case moved too: its survey from Jan 4 to Jan 5.
  const other = (await (await manager()).get('/time-limits/cases/TL20261229-0001')).body;
  expect(other.dueDateChanges).toContainEqual(
    expect.objectContaining({
      subject: 'task',
      oldDueAt: '2027-01-04T16:00:00.000Z',
      newDueAt: '2027-01-05T16:00:00.000Z',
    }),
  );

  // Asking again changes nothing; taking the day back moves them back, and the history keeps both moves.
  expect(
    (await (await admin()).put('/calendar/days/2027-01-04', { kind: 'holiday', name: '元旦补休' })).body.recomputed,
  ).toEqual({ tasks: 0, cases: 0 });
  expect((await (await admin()).delete('/calendar/days/2027-01-04')).body).toEqual({
    recomputed: { tasks: 2, cases: 2 },
  });
  const back = (await (await manager()).get(`/time-limits/cases/${businessKey}`)).body;
  expect(back.dueAt).toBe('2027-01-07T16:00:00.000Z');
  expect(back.dueDateChanges).toHaveLength(4);
  expect(back.dueDateChanges[3]).toMatchObject({ subject: 'case', newDueAt: '2027-01-07T16:00:00.000Z' });
});
