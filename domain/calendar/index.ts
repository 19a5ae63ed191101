/** The business calendar's days (holidays, make-up working days) as administrators keep them: the area's interface. */
export { loadBusinessCalendar } from './business-calendar-repository';
export { computeDueDate, deleteCalendarDay, listCalendarDays, putCalendarDay } from './calendar-use-case';
