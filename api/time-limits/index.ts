/** The time-limit area's API for other areas: a case's clock, due-date notices and recompute, and the routes. */
export { caseTimeLimit, type CaseTimeLimitView } from './case-time-limit-use-case';
export { complianceReport } from './compliance-use-case';
export { dueDateChanges, recomputeOpenDueDates, type CalendarChange } from './recompute-due-dates-use-case';
export { limitAmong, taskDueDateNotice, withDueDateNotices } from './task-limit';
export { timeLimitRoutes } from './time-limit-routes';
