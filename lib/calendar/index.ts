/**
 * The business calendar as the application uses it: built from the calendar_days and calendar_years tables at each
 * call, so an administrator's edit counts for the next due date computed (decision 0018: where the days come from).
 */
import { CalendarDay, CalendarYear } from '../../db/time-limits/time-limit-models';
import { BusinessCalendar, type SpecialDay } from './business-calendar';

export async function loadBusinessCalendar(): Promise<BusinessCalendar> {
  const rows = await CalendarDay.findAll({ attributes: ['date', 'kind', 'name'] });
  const years = await CalendarYear.findAll({ attributes: ['year'] });
  return new BusinessCalendar(
    rows.map((row): SpecialDay => ({
      date: row.date,
      kind: row.kind === 'workday' ? 'workday' : 'holiday',
      name: row.name,
    })),
    { published: years.map((row) => row.year) },
  );
}

export {
  BusinessCalendar,
  TIME_UNITS,
  yearOf,
  type CalendarYears,
  type Pause,
  type SpecialDay,
  type TimeUnit,
} from './business-calendar';
export { applyClockAction, clockStatus, type CaseClock, type ClockAction, type ClockStatus } from './case-clock';
export { addDays, chinaDayOf, endOfChinaDay, isDayString, startOfChinaDay } from './china-time';
export { dueDateNotice, SCHEDULE_NOT_ENTERED_MESSAGE, type DueDateNotice } from './due-date-notice';
export { publishedSchedule, PUBLISHED_SCHEDULE_SOURCE } from './published-schedules';
export { remindersDue, reminderRound, SCHEDULE_REMINDER, type ScheduleReminder } from './schedule-reminder';
export { statutoryHolidays, statutoryRulesFor } from './statutory-holidays';
