/**
 * Years with and without a published schedule: the statutory holidays from the lunar calendar, the package's
 * published schedules checked against the State Council's 2026 notice, administrators' entries over both, due dates
 * across the turn of 2026/2027, the provisional flag and the reminder rounds.
 */
import { BusinessCalendar, type SpecialDay } from './business-calendar';
import { addDays } from './china-time';
import { dueDateNotice } from './due-date-notice';
import { publishedSchedule } from './published-schedules';
import { reminderRound, remindersDue } from './schedule-reminder';
import { statutoryHolidays, statutoryRulesFor } from './statutory-holidays';

const china = (local: string) => new Date(`${local}+08:00`);
const iso = (date: Date) => date.toISOString();
const dates = (days: readonly SpecialDay[], kind: SpecialDay['kind']) =>
  days.filter((day) => day.kind === kind).map((day) => day.date);
const span = (from: string, count: number) => Array.from({ length: count }, (_, i) => addDays(from, i));

/** 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as published. */
const NOTICE_2026 = {
  holidays: [
    ...span('2026-01-01', 3),
    ...span('2026-02-15', 9),
    ...span('2026-04-04', 3),
    ...span('2026-05-01', 5),
    ...span('2026-06-19', 3),
    ...span('2026-09-25', 3),
    ...span('2026-10-01', 7),
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

const schedule2026 = publishedSchedule(2026)!;
const published2026 = new BusinessCalendar(schedule2026, { published: [2026] });

test('the package carries the 2026 notice as published, and no 2027 schedule', () => {
  expect(dates(schedule2026, 'holiday')).toEqual(NOTICE_2026.holidays);
  expect(dates(schedule2026, 'workday').sort()).toEqual([...NOTICE_2026.workdays].sort());
  expect(schedule2026).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' });
  expect(schedule2026.filter((day) => day.name === '春节')).toHaveLength(9);
  // The installed lunar-typescript has no 2027 notice: nothing is made up for it.
  expect(publishedSchedule(2027)).toBeUndefined();
});

test('statutory holidays (2025 rules, 13 days) follow the lunar calendar and the solar terms', () => {
  expect(statutoryRulesFor(2027)?.inForceFrom).toBe(2025);
  const days2027 = statutoryHolidays(2027);
  expect(days2027).toHaveLength(13);
  expect(days2027.map((day) => `${day.date} ${day.name}`)).toEqual([
    '2027-01-01 元旦',
    // 除夕 (腊月廿九, the lunar year 2026 has a short twelfth month) to 正月初三.
    '2027-02-05 春节',
    '2027-02-06 春节',
    '2027-02-07 春节',
    '2027-02-08 春节',
    '2027-04-05 清明节',
    '2027-05-01 劳动节',
    '2027-05-02 劳动节',
    '2027-06-09 端午节',
    '2027-09-15 中秋节',
    '2027-10-01 国庆节',
    '2027-10-02 国庆节',
    '2027-10-03 国庆节',
  ]);
  // Every statutory day of years with a published schedule is a holiday of that schedule.
  for (const year of [2025, 2026]) {
    const holidays = new Set(dates(publishedSchedule(year)!, 'holiday'));
    for (const day of statutoryHolidays(year))
      expect(holidays.has(day.date) ? day.date : `${day.date} missing`).toBe(day.date);
  }
  // The 2014 rules: 11 days, 春节 from 初一.
  expect(
    statutoryHolidays(2020)
      .filter((day) => day.name === '春节')
      .map((day) => day.date),
  ).toEqual(span('2020-01-25', 3));
  expect(statutoryHolidays(2010)).toEqual([]);
});

test('a year without a published schedule rests on its statutory holidays, never on weekends only', () => {
  const calendar = published2026;
  expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
  for (const day of span('2027-02-05', 4)) expect(calendar.isWorkingDay(day)).toBe(false);
  expect(calendar.isWorkingDay('2027-02-09')).toBe(true);
  expect(calendar.isWorkingDay('2027-01-02')).toBe(false); // Saturday
  expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
  // A published year is not filled up with statutory days: its schedule is the answer.
  const withoutSpring = new BusinessCalendar(
    schedule2026.filter((day) => day.name !== '春节'),
    { published: [2026] },
  );
  expect(withoutSpring.isWorkingDay('2026-02-17')).toBe(true);
});

test('administrators’ early entries for an unpublished year win over the statutory days', () => {
  const entries: SpecialDay[] = [
    ...schedule2026,
    { date: '2027-01-02', kind: 'holiday', name: '元旦' },
    { date: '2027-02-08', kind: 'workday', name: '春节调休上班' },
  ];
  const calendar = new BusinessCalendar(entries, { published: [2026] });
  expect(calendar.isWorkingDay('2027-02-08')).toBe(true);
  expect(calendar.isWorkingDay('2027-02-05')).toBe(false);
  expect(calendar.isProvisional(china('2027-02-09T12:00:00'))).toBe(true);
});

test('due dates across 2026-12-31: New Year’s Day and the Spring Festival never count as working days', () => {
  // The 10 kV case of 2026-12-07, 22 WD: 18 working days to Dec 31, then Jan 4–7 (Jan 1 rests).
  const hv = published2026.addWorkingDays(china('2026-12-07T10:00:00'), 22);
  expect(iso(hv)).toBe(iso(china('2027-01-08T00:00:00')));
  // The residential metering task, 3 WD from Tue Dec 29: Dec 30, Dec 31, Mon Jan 4.
  expect(iso(published2026.addWorkingDays(china('2026-12-29T09:00:00'), 3))).toBe(iso(china('2027-01-05T00:00:00')));
  // Thu Feb 4 2027, 1 WD: Feb 5–8 is the Spring Festival, Tue Feb 9 the first working day.
  expect(iso(published2026.addWorkingDays(china('2027-02-04T09:00:00'), 1))).toBe(iso(china('2027-02-10T00:00:00')));
  expect(published2026.workingDaysBetween(china('2027-02-04T09:00:00'), china('2027-02-09T12:00:00'))).toBeCloseTo(0.5);

  // With a 2027 schedule entered and published (an illustrative one: Jan 1–3 off, Feb 5–11 off, Sat Feb 20
  // worked), the schedule is the answer and the statutory rule is no longer consulted.
  const entered = new BusinessCalendar(
    [
      ...schedule2026,
      ...span('2027-01-01', 3).map((date): SpecialDay => ({ date, kind: 'holiday', name: '元旦' })),
      ...span('2027-02-05', 7).map((date): SpecialDay => ({ date, kind: 'holiday', name: '春节' })),
      { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
    ],
    { published: [2026, 2027] },
  );
  expect(iso(entered.addWorkingDays(china('2026-12-07T10:00:00'), 22))).toBe(iso(china('2027-01-08T00:00:00')));
  expect(iso(entered.addWorkingDays(china('2027-02-04T09:00:00'), 1))).toBe(iso(china('2027-02-13T00:00:00')));
  expect(entered.isWorkingDay('2027-02-20')).toBe(true);
  expect(entered.isProvisional(hv)).toBe(false);
});

test('the notice flags working-day due dates in years without a schedule only', () => {
  const notice = dueDateNotice(published2026, china('2027-01-07T12:00:00'));
  expect(notice).toEqual({
    code: 'HOLIDAY_SCHEDULE_NOT_ENTERED',
    year: 2027,
    message: expect.stringContaining('假日安排未录入，期限可能变化'),
  });
  expect(notice?.message).toMatch(/holiday schedule not entered/);
  expect(dueDateNotice(published2026, '2026-12-31T15:59:59.000Z')).toBeNull();
  expect(dueDateNotice(published2026, china('2027-01-07T12:00:00'), 'H')).toBeNull();
  expect(dueDateNotice(published2026, null)).toBeNull();
});

test('reminders from 1 November of the year before, one a week while the schedule is missing', () => {
  expect(remindersDue(published2026, china('2026-10-31T23:59:00'))).toEqual([]);
  expect(remindersDue(published2026, china('2026-11-01T00:00:00'))).toEqual([{ year: 2027, round: 0 }]);
  expect(remindersDue(published2026, china('2026-11-07T18:00:00'))).toEqual([{ year: 2027, round: 0 }]);
  expect(remindersDue(published2026, china('2026-11-08T08:00:00'))).toEqual([{ year: 2027, round: 1 }]);
  expect(remindersDue(published2026, china('2026-12-06T08:00:00'))).toEqual([{ year: 2027, round: 5 }]);
  // Still missing once the year has begun: this year's schedule is asked for too.
  expect(remindersDue(published2026, china('2027-01-05T08:00:00'))).toEqual([{ year: 2027, round: 9 }]);
  const both = new BusinessCalendar(schedule2026, { published: [2026, 2027] });
  expect(remindersDue(both, china('2026-12-06T08:00:00'))).toEqual([]);
  expect(remindersDue(both, china('2027-11-01T08:00:00'))).toEqual([{ year: 2028, round: 0 }]);
  // A due date seen before the reminders start counts as the first round.
  expect(reminderRound(2028, '2027-03-01')).toBe(0);
});
