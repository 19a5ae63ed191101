/**
 * Time limits end to end on the real engine: a 3-working-day survey limit across the 2026 National Day holiday,
 * warning and overdue notifications fired by the engine's timers when the clock moves, the whole-case clock with a
 * pause while the case waits on the customer, compliance statistics, models that give no limit becoming
 * incidents, and calendar edits changing the next due date.
 */
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { searchIncidents } from '../../lib/camunda/engine-api';

let platform: Platform;
const fixture = (name: string) => join(__dirname, 'fixtures', name);

usePlatform(async (started) => {
  platform = started;
  const zeebe = platform.application.services.camunda.zeebe;
  await zeebe.deployResource({ decisionFilename: fixture('time-limit-test.dmn') });
  await zeebe.deployResource({ processFilename: fixture('time-limit-test.bpmn') });
  await zeebe.deployResource({ processFilename: fixture('time-limit-broken.bpmn') });
});

async function startCase(bpmnProcessId: string, businessKey: string): Promise<string> {
  const zeebe = platform.application.services.camunda.zeebe;
  const instance = await zeebe.createProcessInstance({ bpmnProcessId, variables: { businessKey } });
  return instance.processInstanceKey;
}

async function notifications(businessKey: string, kind: string): Promise<any[]> {
  const answer = await (await platform.as('zhoumin')).get(`/notifications?businessKey=${businessKey}`);
  expect(answer.status).toBe(200);
  return answer.body.items.filter((item: any) => item.kind === kind);
}

const caseClock = async (businessKey: string) =>
  (await platform.as('zhoumin')).get(`/time-limits/cases/${businessKey}`);

test('a 3 WD limit from Tue Sep 29 09:00 ends Fri Oct 9 24:00; timers warn and flag overdue; the case clock pauses', async () => {
  const businessKey = 'TL20260929-0001';
  await platform.pinClock('2026-09-29T09:00:00+08:00');
  const pik = await startCase('time-limit-test', businessKey);
  const survey = await platform.openTask(pik, 'survey');
  // Sep 30 is working day 1; Oct 1–7 are the holiday; Oct 8 and Oct 9 are days 2 and 3.
  expect(new Date(survey.dueDate).toISOString()).toBe('2026-10-09T16:00:00.000Z');
  const details = await (await platform.as('wangqiang')).get(`/tasks/${survey.userTaskKey}`);
  expect(details.body.variables.limit_survey).toEqual({
    step: 'survey',
    amount: 3,
    unit: 'WD',
    startedAt: '2026-09-29T01:00:00.000Z',
    dueDate: '2026-10-09T16:00:00.000Z',
    warnDate: '2026-10-08T16:00:00.000Z',
  });
  const started = await caseClock(businessKey);
  expect(started.body).toMatchObject({ state: 'running', amount: 5, unit: 'WD', used: 0 });
  // Sep 30, Oct 8, Oct 9, Sat Oct 10 (make-up working day), Oct 12.
  expect(started.body.dueAt).toBe('2026-10-12T16:00:00.000Z');
  expect(await notifications(businessKey, 'warning')).toEqual([]);

  await platform.pinClock('2026-10-09T09:00:00+08:00');
  // Stored first, then sent: a busy machine can show the row between the two.
  const [warning] = await waitFor(
    async () => {
      const items = await notifications(businessKey, 'warning');
      return items.length > 0 && items[0].status !== 'pending' && items;
    },
    { description: 'the warning notification, sent or failed' },
  );
  expect(warning).toMatchObject({ recipientType: 'role', recipient: 'manager', status: 'sent', businessKey });
  expect(warning.title).toContain(businessKey);
  expect(warning.body).toContain('2026-10-09T16:00:00.000Z');
  expect(await notifications(businessKey, 'overdue')).toEqual([]);

  await platform.pinClock('2026-10-10T08:00:00+08:00');
  const overdue = await waitFor(async () => (await notifications(businessKey, 'overdue'))[0], {
    description: 'the overdue notification',
  });
  expect(overdue).toMatchObject({ recipient: 'approver', businessKey });
  expect(await notifications(businessKey, 'warning')).toHaveLength(1);

  // The survey is done on Saturday Oct 10 08:00 (a working day); the case then waits on the customer.
  await platform.completeTask('wangqiang', pik, 'survey');
  await platform.openTask(pik, 'customerWait');
  const paused = await caseClock(businessKey);
  expect(paused.body).toMatchObject({ state: 'paused', pausedSince: '2026-10-10T00:00:00.000Z' });
  expect(paused.body.used).toBeCloseTo(3 + 8 / 24, 6);

  await platform.pinClock('2026-10-14T09:00:00+08:00');
  const stillPaused = await caseClock(businessKey);
  expect(stillPaused.body.used).toBeCloseTo(3 + 8 / 24, 6);
  // As if resumed now: 15 h of Oct 14, all of Oct 15, then the last hour on Oct 16.
  expect(stillPaused.body.dueAt).toBe('2026-10-15T17:00:00.000Z');
  await platform.completeTask('zhangli', pik, 'customerWait');
  await platform.openTask(pik, 'archive');
  expect((await caseClock(businessKey)).body).toMatchObject({
    state: 'running',
    pausedSince: null,
    pauses: [{ from: '2026-10-10T00:00:00.000Z', to: '2026-10-14T01:00:00.000Z' }],
  });

  await platform.pinClock('2026-10-14T12:00:00+08:00');
  await platform.completeTask('zhangli', pik, 'archive');
  const finished = await waitFor(async () => {
    const answer = await caseClock(businessKey);
    return answer.body.state === 'finished' && answer.body;
  });
  expect(finished).toMatchObject({ finishedAt: '2026-10-14T04:00:00.000Z', compliant: true });
  expect(finished.used).toBeCloseTo(3 + 8 / 24 + 3 / 24, 6);
  expect(finished.remaining).toBeCloseTo(5 - finished.used, 6);

  const manager = await platform.as('zhoumin');
  const period = `from=${encodeURIComponent('2026-09-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`;
  const report = await manager.get(`/time-limits/compliance?${period}`);
  expect(report.body).toMatchObject({ finished: 1, compliant: 1, compliantShare: 1 });
  expect(report.body.steps).toEqual([{ step: 'survey', warning: 1, overdue: 1, escalation: 0 }]);
  expect((await (await platform.as('zhangli')).get(`/time-limits/compliance?${period}`)).status).toBe(403);
  expect((await caseClock('NO-SUCH-CASE')).status).toBe(404);
});

test('a decision without a unit, or a task without its decision header, becomes an incident with a clear message', async () => {
  const pik = await startCase('time-limit-broken', 'TL-BROKEN-0001');
  const camunda = platform.application.services.camunda;
  const incidents = await waitFor(async () => {
    const found = await searchIncidents(camunda, { filter: { processInstanceKey: pik } });
    return found.length === 2 && found;
  });
  const byElement = Object.fromEntries(incidents.map((incident) => [incident.elementId, incident]));
  expect(byElement.dueNoUnit.errorType).toBe('JOB_NO_RETRIES');
  expect(byElement.dueNoUnit.errorMessage).toContain('amount/unit');
  expect(byElement.dueNoUnit.errorMessage).toContain('time-limit-test-limits');
  expect(byElement.dueNoHeader.errorMessage).toContain('missing task header "decision"');
});

test('calendar edits by an administrator change the next computed due date', async () => {
  const admin = await platform.as('admin');
  const clerk = await platform.as('zhangli');
  const days = await clerk.get('/calendar/days?year=2026');
  expect(days.body.items).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休上班', year: 2026 });
  expect(days.body.items.filter((day: any) => day.name === '春节')).toHaveLength(9);
  const from = encodeURIComponent('2026-10-09T09:00:00+08:00');
  const dueIn = async (amount: number) =>
    (await clerk.get(`/calendar/add?from=${from}&amount=${amount}&unit=WD`)).body.dueDate;
  expect(await dueIn(1)).toBe('2026-10-10T16:00:00.000Z');

  expect((await clerk.delete('/calendar/days/2026-10-10')).status).toBe(403);
  const deleted = await admin.delete('/calendar/days/2026-10-10');
  expect(deleted.status).toBe(200);
  // Earlier tests' cases are finished or past: no open due date moved.
  expect(deleted.body).toEqual({ recomputed: { tasks: 0, cases: 0 } });
  expect((await admin.delete('/calendar/days/2026-10-10')).status).toBe(404);
  expect(await dueIn(1)).toBe('2026-10-12T16:00:00.000Z');
  const put = await admin.put('/calendar/days/2026-10-12', { kind: 'holiday', name: '检修停工日' });
  expect(put.body).toEqual({
    date: '2026-10-12',
    kind: 'holiday',
    name: '检修停工日',
    year: 2026,
    recomputed: { tasks: 0, cases: 0 },
  });
  expect(await dueIn(1)).toBe('2026-10-13T16:00:00.000Z');
  expect((await admin.put('/calendar/days/2026-13-01', { kind: 'holiday', name: 'x' })).status).toBe(400);
  expect((await admin.put('/calendar/days/2026-10-13', { kind: 'vacation', name: 'x' })).status).toBe(400);
  expect((await clerk.get(`/calendar/add?from=${from}&amount=1&unit=WEEK`)).status).toBe(400);

  // The workers read the same table: a survey started now runs over Oct 13, 14 and 15.
  await platform.pinClock('2026-10-09T09:00:00+08:00');
  const pik = await startCase('time-limit-test', 'TL20261009-0001');
  const survey = await platform.openTask(pik, 'survey');
  expect(new Date(survey.dueDate).toISOString()).toBe('2026-10-15T16:00:00.000Z');
});
