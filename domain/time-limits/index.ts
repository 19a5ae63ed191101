/**
 * Time limits (时限) and the business calendar they count by: step due dates, the whole-case clock, alerts,
 * compliance, due dates recomputed when the calendar changes; the area's public interface.
 */
export { stepTimeLimit, type StepTimeLimit } from './step-due-date-use-case';
export { startCaseClock, changeCaseClock, stopCaseClock, type ClockStart } from './case-clock-use-case';
export { raiseTimeLimitAlert, requireLevel, type TimeLimitAlert } from './time-limit-alert-use-case';
export { caseTimeLimit, type CaseTimeLimitView } from './case-time-limit-use-case';
export { complianceReport } from './compliance-use-case';
export {
  dueDateChanges,
  recomputeOpenDueDates,
  type CalendarChange,
  type RecomputeResult,
} from './recompute-due-dates-use-case';
export { limitAmong, taskDueDateNotice, withDueDateNotices } from './task-limit';
export { remindIfDueInMissingYear, remindMissingSchedules, startScheduleReminders } from './schedule-reminders';
// The business calendar's days and published years, as administrators keep them
export { loadBusinessCalendar } from './business-calendar-repository';
export {
  computeDueDate,
  deleteCalendarDay,
  listCalendarDays,
  listCalendarYears,
  publishCalendarYear,
  putCalendarDay,
  unpublishCalendarYear,
  type CalendarEditor,
} from './calendar-use-case';
