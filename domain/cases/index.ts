/** Monitoring cases across business areas (managers): the public interface. */
export { cancelCase, caseHistory, instancesOfCase, resolveCaseIncident } from './case-monitoring-use-case';
export { repairUnstartedCases, unstartedCases, type UnstartedCase } from './unstarted-cases-use-case';
