/** The whole-case clock: idempotent actions and the status the API reports. */
import { BusinessCalendar } from './business-calendar';
import { applyClockAction, clockStatus, type CaseClock } from './case-clock';
import { publishedSchedule } from './published-schedules';

const calendar = new BusinessCalendar(publishedSchedule(2026)!, { published: [2026] });
const china = (local: string) => new Date(`${local}+08:00`);

const started: CaseClock = {
  amount: 5,
  unit: 'WD',
  startedAt: china('2026-09-29T09:00:00'),
  pausedSince: null,
  pauses: [],
  finishedAt: null,
};

test('pause and resume twice in a row change nothing the second time', () => {
  const paused = { ...started, ...applyClockAction(started, 'pause', china('2026-09-30T12:00:00'))! };
  expect(paused.pausedSince).toEqual(china('2026-09-30T12:00:00'));
  expect(applyClockAction(paused, 'pause', china('2026-10-08T09:00:00'))).toBeUndefined();
  const resumed = { ...paused, ...applyClockAction(paused, 'resume', china('2026-10-08T12:00:00'))! };
  expect(resumed.pausedSince).toBeNull();
  expect(resumed.pauses).toEqual([{ from: china('2026-09-30T12:00:00'), to: china('2026-10-08T12:00:00') }]);
  expect(applyClockAction(resumed, 'resume', china('2026-10-08T13:00:00'))).toBeUndefined();
});

test('finish closes an open pause and freezes the clock', () => {
  const paused = { ...started, ...applyClockAction(started, 'pause', china('2026-09-30T12:00:00'))! };
  const finished = { ...paused, ...applyClockAction(paused, 'finish', china('2026-10-09T12:00:00'))! };
  expect(finished.finishedAt).toEqual(china('2026-10-09T12:00:00'));
  expect(finished.pauses).toHaveLength(1);
  for (const action of ['pause', 'resume', 'finish'] as const)
    expect(applyClockAction(finished, action, china('2026-10-20T12:00:00'))).toBeUndefined();
  const status = clockStatus(calendar, finished, china('2026-12-01T00:00:00'));
  expect(status).toMatchObject({ state: 'finished', compliant: true });
  expect(status.used).toBeCloseTo(0.5);
  expect(status.remaining).toBeCloseTo(4.5);
});

test('a running clock reports used and remaining time and the due date', () => {
  const status = clockStatus(calendar, started, china('2026-10-09T12:00:00'));
  expect(status.state).toBe('running');
  expect(status.used).toBeCloseTo(2.5);
  // Sep 30, Oct 8, Oct 9, Oct 10 (make-up), Oct 12.
  expect(status.dueAt.toISOString()).toBe(china('2026-10-13T00:00:00').toISOString());
  const late = clockStatus(calendar, started, china('2026-10-14T12:00:00'));
  expect(late).toMatchObject({ compliant: false });
  expect(late.remaining).toBeCloseTo(-1.5); // Sep 30, Oct 8, 9, 10, 12, 13 and half of Oct 14
});

test('a paused clock stands still and its due date moves with the pause', () => {
  const paused = { ...started, ...applyClockAction(started, 'pause', china('2026-09-30T00:00:00'))! };
  const status = clockStatus(calendar, paused, china('2026-10-12T12:00:00'));
  expect(status.state).toBe('paused');
  expect(status.used).toBe(0);
  // As if resumed now (Mon Oct 12 noon): 0.5 + Oct 13, 14, 15, 16 + 0.5 of Mon Oct 19.
  expect(status.dueAt.toISOString()).toBe(china('2026-10-19T12:00:00').toISOString());
});
