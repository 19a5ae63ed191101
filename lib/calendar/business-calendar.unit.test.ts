/**
 * The business calendar on the official 2026 schedule: National Day (Oct 1–7 off, Sep 20 and Oct 10 worked) and
 * Spring Festival (Feb 15–23 off, Feb 14 and Feb 28 worked), the day conventions, clock units and pauses.
 */
import { BusinessCalendar, type TimeUnit } from './business-calendar';
import { publishedSchedule } from './published-schedules';

const calendar = new BusinessCalendar(publishedSchedule(2026)!, { published: [2026] });
const china = (local: string) => new Date(`${local}+08:00`);
const iso = (date: Date) => date.toISOString();

test('weekends rest, listed holidays rest, make-up days work', () => {
  expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // Thursday, National Day
  expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
  expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
  expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up
  expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // Sunday
  expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, make-up
  expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, make-up
  expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, Spring Festival
  expect(calendar.isWorkingDay(china('2026-10-09T23:59:59'))).toBe(true);
  expect(calendar.isWorkingDay(new Date('2026-10-09T16:00:00Z'))).toBe(true); // Oct 10 00:00 in China
  // A published year counts exactly its listed days: an empty 2026 has weekends only.
  expect(new BusinessCalendar([], { published: [2026] }).isWorkingDay('2026-10-01')).toBe(true);
});

test('n working days end at 24:00 of the n-th working day after the start day', () => {
  // Friday, 1 WD → Monday 24:00.
  expect(iso(calendar.addWorkingDays(china('2026-03-06T10:00:00'), 1))).toBe(iso(china('2026-03-10T00:00:00')));
  // Tue Sep 29, 3 WD: Sep 30, (Oct 1–7 off), Oct 8, Oct 9.
  expect(iso(calendar.addWorkingDays(china('2026-09-29T09:00:00'), 3))).toBe('2026-10-09T16:00:00.000Z');
  expect(iso(calendar.addWorkingDays(china('2026-09-30T15:00:00'), 1))).toBe('2026-10-08T16:00:00.000Z');
  // Fri Oct 9, 2 WD: Sat Oct 10 (make-up), Mon Oct 12.
  expect(iso(calendar.addWorkingDays(china('2026-10-09T09:00:00'), 2))).toBe('2026-10-12T16:00:00.000Z');
  // Fri Sep 18, 1 WD: Sun Sep 20 is a make-up working day.
  expect(iso(calendar.addWorkingDays(china('2026-09-18T17:00:00'), 1))).toBe('2026-09-20T16:00:00.000Z');
  // Fri Feb 13, 2 WD: Sat Feb 14 (make-up), (Feb 15–23 off), Tue Feb 24.
  expect(iso(calendar.addWorkingDays(china('2026-02-13T11:00:00'), 2))).toBe('2026-02-24T16:00:00.000Z');
  // Started on a holiday: the next working days count.
  expect(iso(calendar.addWorkingDays(china('2026-02-16T08:00:00'), 1))).toBe('2026-02-24T16:00:00.000Z');
});

test('fractions and zero follow the same convention', () => {
  expect(iso(calendar.addWorkingDays(china('2026-10-09T09:00:00'), 0))).toBe(iso(china('2026-10-10T00:00:00')));
  expect(iso(calendar.addWorkingDays(china('2026-10-09T09:00:00'), 0.5))).toBe(iso(china('2026-10-10T12:00:00')));
  expect(iso(calendar.add(china('2026-09-30T09:00:00'), 1.25, 'WD'))).toBe(iso(china('2026-10-09T06:00:00')));
});

test('calendar days ignore holidays; hours and minutes run 24x7 from the start instant', () => {
  expect(iso(calendar.addCalendarDays(china('2026-09-29T09:00:00'), 5))).toBe(iso(china('2026-10-05T00:00:00')));
  expect(iso(calendar.addDuration(china('2026-10-01T23:30:00'), 45, 'MIN'))).toBe(iso(china('2026-10-02T00:15:00')));
  expect(iso(calendar.add(china('2026-10-01T22:00:00'), 3, 'H'))).toBe(iso(china('2026-10-02T01:00:00')));
});

test('working days between two instants: fractional, the start day free', () => {
  expect(calendar.workingDaysBetween(china('2026-09-29T09:00:00'), china('2026-10-09T12:00:00'))).toBeCloseTo(2.5);
  expect(calendar.workingDaysBetween(china('2026-09-29T09:00:00'), china('2026-09-29T18:00:00'))).toBe(0);
  expect(calendar.workingDaysBetween(china('2026-10-01T09:00:00'), china('2026-10-07T18:00:00'))).toBe(0);
  expect(calendar.workingDaysBetween(china('2026-02-13T09:00:00'), china('2026-02-25T00:00:00'))).toBe(2);
});

test('time left counts only working days (from the instant itself) and turns negative once passed', () => {
  // Wed Sep 30 12:00 to Fri Oct 9 24:00: half of Sep 30, (Oct 1–7 off), Oct 8 and 9.
  const due = china('2026-10-10T00:00:00');
  expect(calendar.countBetween(china('2026-09-30T12:00:00'), due, 'WD')).toBeCloseTo(2.5);
  expect(calendar.countBetween(due, china('2026-09-30T12:00:00'), 'WD')).toBeCloseTo(-2.5);
  // Over a weekend (Sat Mar 7 to Mon Mar 9 24:00): only Monday counts.
  expect(calendar.countBetween(china('2026-03-07T00:00:00'), china('2026-03-10T00:00:00'), 'WD')).toBe(1);
  expect(calendar.countBetween(china('2026-10-01T00:00:00'), china('2026-10-03T00:00:00'), 'CD')).toBe(2);
  expect(calendar.countBetween(china('2026-10-01T00:00:00'), china('2026-10-01T01:30:00'), 'MIN')).toBe(90);
});

test('measuring up to the due date gives back the limit, across the whole year and every unit', () => {
  const units: TimeUnit[] = ['WD', 'CD', 'H', 'MIN'];
  for (let start = +china('2026-01-01T07:30:00'); start < +china('2026-12-20T00:00:00'); start += 61 * 3_600_000) {
    for (const unit of units) {
      const amount = 1 + (start % 7);
      const due = calendar.add(new Date(start), amount, unit);
      expect(calendar.elapsed(new Date(start), due, unit)).toBeCloseTo(amount, 9);
      expect(calendar.elapsed(new Date(start), new Date(+due - 60_000), unit)).toBeLessThan(amount);
    }
  }
});

test('pauses neither use time nor bring the due date closer', () => {
  const start = china('2026-09-29T09:00:00');
  const pauses = [{ from: china('2026-09-30T12:00:00'), to: china('2026-10-08T12:00:00') }];
  expect(calendar.elapsed(start, china('2026-10-09T12:00:00'), 'WD', pauses)).toBeCloseTo(1.5);
  // 0.5 (Sep 30) + 0.5 (Oct 8 afternoon) + 1 (Oct 9) + 1 (Sat Oct 10, make-up).
  expect(iso(calendar.dueDate(start, 3, 'WD', pauses))).toBe(iso(china('2026-10-11T00:00:00')));
  const repair = china('2026-10-02T10:00:00');
  const wait = [{ from: china('2026-10-02T10:20:00'), to: china('2026-10-02T10:30:00') }];
  expect(iso(calendar.dueDate(repair, 45, 'MIN', wait))).toBe(iso(china('2026-10-02T10:55:00')));
  expect(calendar.elapsed(repair, china('2026-10-02T11:00:00'), 'MIN', wait)).toBe(50);
  // A pause that ends after the limit ran out does not move a due date that already passed.
  const late = [{ from: china('2026-10-02T11:00:00'), to: china('2026-10-02T12:00:00') }];
  expect(iso(calendar.dueDate(repair, 45, 'MIN', late))).toBe(iso(china('2026-10-02T10:45:00')));
});

test('bad limits are refused with a clear message', () => {
  expect(() => calendar.add(new Date(), -1, 'WD')).toThrow(/non-negative/);
  expect(() => calendar.add(new Date(), Number.NaN, 'H')).toThrow(/non-negative/);
  expect(() => calendar.add(new Date(), 1, 'WEEK' as TimeUnit)).toThrow(/unknown time unit/);
  const noWorkingDays = new BusinessCalendar([], { published: [] });
  Object.defineProperty(noWorkingDays, 'isWorkingDay', { value: () => false });
  expect(() => noWorkingDays.add(new Date(), 1, 'WD')).toThrow(/no working days/);
});

test('whether a year is published follows China time at the turn of the year', () => {
  const calendar = new BusinessCalendar([{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }], {
    published: [2026],
  });
  expect(calendar.isPublished(new Date('2026-12-31T15:59:59Z'))).toBe(true);
  // 1 January 2027 00:00 in China time is still 31 December in UTC
  expect(calendar.isPublished(new Date('2026-12-31T16:00:00Z'))).toBe(false);
  expect(calendar.isProvisional('2027-01-01')).toBe(true);
  expect(calendar.isPublished('2026-01-01')).toBe(true);
});
