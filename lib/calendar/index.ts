/**
 * The business calendar's rules (working days, holidays, make-up days, published years, case clocks, China days):
 * pure functions and classes. Loading the calendar's days and years from the database is the domain's
 * (domain/time-limits; decision 0018: where the days come from).
 */
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
export { addDays, chinaDayOf, chinaDaysFilter, endOfChinaDay, isDayString, startOfChinaDay } from './china-time';
export { dueDateNotice, SCHEDULE_NOT_ENTERED_MESSAGE, type DueDateNotice } from './due-date-notice';
export { publishedSchedule, PUBLISHED_SCHEDULE_SOURCE } from './published-schedules';
export { remindersDue, reminderRound, SCHEDULE_REMINDER, type ScheduleReminder } from './schedule-reminder';
export { statutoryHolidays, statutoryRulesFor } from './statutory-holidays';
