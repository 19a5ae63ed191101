/** Cases across business areas (managers): monitoring, cancelling, and the reconciliation with the engine. */
export {
  caseHistory,
  instancesOfCase,
  resolveCaseIncident,
  retryIncident,
  STEP_TYPES,
} from './case-monitoring-use-case';
export { cancelCase, type CancelRequest } from './cancel-case-use-case';
export { caseEndingOf } from './case-endings';
export { caseReconciler, listReconciledCases, startCaseReconciler, type Reconciler } from './reconcile-cases-use-case';
export { caseAreaOf, requireCaseArea, requireCaseFor, type CaseArea } from './case-lookup';
export { caseDiagram, caseTaskHistory } from './case-diagram-use-case';
export { repairUnstartedCases, unstartedCases, type UnstartedCase } from './unstarted-cases-use-case';
export {
  caseKeysOfUnit,
  caseKeysOutOfScope,
  caseKeysOutside,
  caseOwners,
  requireCaseInScope,
  type CaseOwner,
} from './case-owners';
export { customerCaseKeys, CUSTOMER_MATCHES_LIMIT } from './case-keys-of-customer';
export { businessKeysOfInstances, instancesOfCases } from './instance-business-keys';
export { caseSearchInput, myCases, searchCases, type CaseRow } from './case-search-use-case';
export { caseCustomerNames } from './case-customer-names';
