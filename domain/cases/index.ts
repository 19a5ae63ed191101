/** Monitoring cases across business areas (managers): the public interface. */
export { cancelCase, caseHistory, instancesOfCase, resolveCaseIncident } from './case-monitoring-use-case';
export { caseAreaOf, requireCaseArea, type CaseArea } from './case-lookup';
export { caseDiagram, caseTaskHistory } from './case-diagram-use-case';
