/**
 * When administrators are reminded that a year's holiday schedule is missing (data: the State Council publishes
 * it around November of the year before). From `startsOn` of the year before, and for as long as the year is not
 * published, one reminder per round of `everyDays` days: the round number makes each reminder a notification of
 * its own, and a repeated check within a round a no-op.
 */
import { yearOf, type BusinessCalendar } from './business-calendar';
import { chinaDayOf, daysBetween } from './china-time';

export const SCHEDULE_REMINDER = {
  /** Month and day of the year before the schedule's year. */
  startsOn: '11-01',
  everyDays: 7,
} as const;

export interface ScheduleReminder {
  year: number;
  /** 0 for the first reminder, 1 for the one a round later, … */
  round: number;
}

/** The round of reminders for `year` that `today` falls in (0 before the reminders start). */
export function reminderRound(year: number, today: string): number {
  const since = daysBetween(`${year - 1}-${SCHEDULE_REMINDER.startsOn}`, today);
  return Math.max(0, Math.floor(since / SCHEDULE_REMINDER.everyDays));
}

/** The reminders due at `now`: this year's schedule if missing, and next year's from `startsOn` on. */
export function remindersDue(calendar: BusinessCalendar, now: Date): ScheduleReminder[] {
  const today = chinaDayOf(now);
  const year = yearOf(today);
  const years = today >= `${year}-${SCHEDULE_REMINDER.startsOn}` ? [year, year + 1] : [year];
  return years
    .filter((y) => !calendar.isPublished(`${y}-01-01`))
    .map((y) => ({ year: y, round: reminderRound(y, today) }));
}
