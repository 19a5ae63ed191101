/**
 * The business calendar's rules (working days, holidays, make-up days, case clocks, China days): pure functions
 * and classes. Loading the calendar's days from the database is the domain's (domain/calendar).
 */
export { BusinessCalendar, TIME_UNITS, type Pause, type SpecialDay, type TimeUnit } from './business-calendar';
export { applyClockAction, clockStatus, type CaseClock, type ClockAction, type ClockStatus } from './case-clock';
export { chinaDayOf, endOfChinaDay, isDayString, startOfChinaDay } from './china-time';
