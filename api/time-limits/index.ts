/** The time-limit area's API for other areas: a case's clock, and the routes. */
export { caseTimeLimit, type CaseTimeLimitView } from './case-time-limit-use-case';
export { complianceReport } from './compliance-use-case';
export { timeLimitRoutes } from './time-limit-routes';
