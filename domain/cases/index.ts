/** Monitoring cases across business areas (managers): the public interface. */
export { cancelCase, caseHistory, instancesOfCase, resolveCaseIncident } from './case-monitoring-use-case';
export { caseOwners, requireCaseInScope, type CaseOwner } from './case-owners';
