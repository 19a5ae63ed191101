/**
 * The business calendar (pure; China time, UTC+8). Four clocks, each a time unit:
 * - WD working days: weekends rest unless listed as a make-up working day (调休上班), listed holidays rest;
 * - CD calendar days; H hours and MIN minutes, 24x7.
 *
 * Years: a year whose official schedule is published (entered in full) counts its listed days only. A year without
 * one is never taken as all working days: its statutory holidays (from the lunar calendar) rest as well, the days
 * listed for it (an administrator's early entries) win over them, and its due dates are provisional
 * (`isProvisional`), because the schedule's bridging and make-up days will move them.
 *
 * Day conventions (WD and CD): the start day is day 0 and never counts; a limit of n days ends at 24:00 China
 * time of the n-th (working) day after the start day. A case accepted on a Friday with 1 WD is due Monday 24:00 if
 * Monday works. Fractions are exact: 0.5 WD ends at noon of the next working day; 0 WD ends at 24:00 of the start
 * day. Measuring is the inverse: `elapsed` counts, from 24:00 of the start day, the share of each working day
 * passed (fractional: 1.5 = one and a half working days), so `elapsed(start, t) <= amount` exactly when
 * t <= `add(start, amount)`. Hours and minutes simply count clock time from the start.
 */
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  chinaDayNumberOf,
  chinaDayOf,
  dayOfNumber,
  endOfChinaDay,
  startOfChinaDayNumber,
  weekdayOf,
} from './china-time';
import { statutoryHolidays } from './statutory-holidays';
import type { SpecialDay } from './special-day';

/** The calendar year (China time) of an instant, or of a 'YYYY-MM-DD' day. */
export function yearOf(at: Date | string | number): number {
  return Number((typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : chinaDayOf(new Date(at))).slice(0, 4));
}

export const TIME_UNITS = ['WD', 'CD', 'H', 'MIN'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export type { SpecialDay };

/** A closed interval while the clock stood still (the case waited on the customer). */
export interface Pause {
  from: Date;
  to: Date;
}

export interface CalendarYears {
  /** Years whose official holiday schedule is complete in the listed days. */
  published: Iterable<number>;
  /** The rest days known for a year without a published schedule; the statutory holidays by default. */
  fallback?: (year: number) => readonly SpecialDay[];
}

const UNIT_MS: Record<TimeUnit, number> = { WD: DAY_MS, CD: DAY_MS, H: HOUR_MS, MIN: MINUTE_MS };
/** No schedule has a year without working days; a longer walk means a broken calendar, not a long limit. */
const MAX_DAYS_WALKED = 20 * 366;

export class BusinessCalendar {
  private readonly special: Map<string, SpecialDay['kind']>;
  private readonly published: ReadonlySet<number>;
  private readonly fallback: (year: number) => readonly SpecialDay[];
  private readonly fallbackByYear = new Map<number, Map<string, SpecialDay['kind']>>();
  /** Whether each day number walked so far works: a calendar is kept while its data stand, and walks repeat. */
  private readonly workingByNumber = new Map<number, boolean>();

  constructor(days: readonly SpecialDay[], years: CalendarYears) {
    this.special = new Map(days.map((day) => [day.date, day.kind]));
    this.published = new Set(years.published);
    this.fallback = years.fallback ?? statutoryHolidays;
  }

  /** Whether the official schedule of the year `at` falls in (China time) is published. */
  isPublished(at: Date | string | number): boolean {
    return this.published.has(yearOf(at));
  }

  /** A WD due date that falls in a year without a published schedule may still move. */
  isProvisional(dueDate: Date | string | number): boolean {
    return !this.isPublished(dueDate);
  }

  isWorkingDay(day: string | Date): boolean {
    const date = typeof day === 'string' ? day : chinaDayOf(day);
    const kind = this.special.get(date) ?? this.fallbackKind(date);
    if (kind) return kind === 'workday';
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6;
  }

  private fallbackKind(date: string): SpecialDay['kind'] | undefined {
    const year = Number(date.slice(0, 4));
    if (this.published.has(year)) return undefined;
    let days = this.fallbackByYear.get(year);
    if (!days) {
      days = new Map(this.fallback(year).map((day) => [day.date, day.kind]));
      this.fallbackByYear.set(year, days);
    }
    return days.get(date);
  }

  addWorkingDays(start: Date, days: number): Date {
    return this.add(start, days, 'WD');
  }

  addCalendarDays(start: Date, days: number): Date {
    return this.add(start, days, 'CD');
  }

  addDuration(start: Date, amount: number, unit: 'H' | 'MIN'): Date {
    return this.add(start, amount, unit);
  }

  add(start: Date, amount: number, unit: TimeUnit): Date {
    return this.dueDate(start, amount, unit, []);
  }

  /** Working days between two instants, fractional, the start day not counted (see the file's comment). */
  workingDaysBetween(from: Date, to: Date): number {
    return this.elapsed(from, to, 'WD');
  }

  /** Time used by a case started at `startedAt` until `until`, in `unit`, leaving out the pauses. */
  elapsed(startedAt: Date, until: Date, unit: TimeUnit, pauses: readonly Pause[] = []): number {
    const origin = this.origin(startedAt, unit);
    const end = +until;
    let ms = this.countableMs(origin, end, unit);
    for (const pause of pauses) {
      ms -= this.countableMs(Math.max(+pause.from, origin), Math.min(+pause.to, end), unit);
    }
    return ms / UNIT_MS[unit];
  }

  /**
   * The time between two instants counted in `unit` as a limit counts it (working days: only the hours of working
   * days), with no start-day rule: what is left of a limit now, negative once `to` has passed.
   */
  countBetween(from: Date, to: Date, unit: TimeUnit): number {
    const sign = +to < +from ? -1 : 1;
    const [start, end] = sign > 0 ? [+from, +to] : [+to, +from];
    return (sign * this.countableMs(start, end, unit)) / UNIT_MS[unit];
  }

  /** The instant a limit of `amount` `unit` started at `startedAt` runs out, the pauses not counting. */
  dueDate(startedAt: Date, amount: number, unit: TimeUnit, pauses: readonly Pause[]): Date {
    if (!Number.isFinite(amount) || amount < 0)
      throw new RangeError(`时限应为非负数 / a time limit must be a non-negative number: ${amount}`);
    if (!(TIME_UNITS as readonly string[]).includes(unit))
      throw new RangeError(`未知时限单位 / unknown time unit: ${String(unit)} (WD, CD, H, MIN)`);
    const origin = this.origin(startedAt, unit);
    let remaining = amount * UNIT_MS[unit];
    let cursor = origin;
    for (const pause of [...pauses].sort((a, b) => +a.from - +b.from)) {
      const segmentEnd = Math.max(+pause.from, cursor);
      const available = this.countableMs(cursor, segmentEnd, unit);
      if (remaining <= available) break;
      remaining -= available;
      cursor = Math.max(cursor, +pause.to);
    }
    return new Date(this.advance(cursor, remaining, unit));
  }

  /** Day limits count from 24:00 of the start day; clock limits from the start itself. */
  private origin(startedAt: Date, unit: TimeUnit): number {
    return unit === 'WD' || unit === 'CD' ? endOfChinaDay(startedAt) : +startedAt;
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    let working = this.workingByNumber.get(dayNumber);
    if (working === undefined) {
      working = this.isWorkingDay(dayOfNumber(dayNumber));
      this.workingByNumber.set(dayNumber, working);
    }
    return working;
  }

  private countableMs(from: number, to: number, unit: TimeUnit): number {
    if (to <= from) return 0;
    if (unit !== 'WD') return to - from;
    let total = 0;
    for (let day = chinaDayNumberOf(from); startOfChinaDayNumber(day) < to; day++) {
      if (!this.isWorkingDayNumber(day)) continue;
      const dayStart = startOfChinaDayNumber(day);
      total += Math.min(to, dayStart + DAY_MS) - Math.max(from, dayStart);
    }
    return total;
  }

  private advance(from: number, ms: number, unit: TimeUnit): number {
    if (unit !== 'WD' || ms <= 0) return from + Math.max(ms, 0);
    let remaining = ms;
    let day = chinaDayNumberOf(from);
    for (let walked = 0; walked < MAX_DAYS_WALKED; walked++, day++) {
      if (!this.isWorkingDayNumber(day)) continue;
      const start = Math.max(from, startOfChinaDayNumber(day));
      const available = startOfChinaDayNumber(day) + DAY_MS - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
    throw new RangeError('日历中找不到足够的工作日 / the calendar has no working days ahead');
  }
}
