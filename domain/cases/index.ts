/** Monitoring cases across business areas (managers): the public interface. */
export { cancelCase, caseHistory, resolveCaseIncident } from './case-monitoring-use-case';
