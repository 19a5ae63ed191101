/** The business calendar's days and published years as administrators keep them: the area's public interface. */
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
