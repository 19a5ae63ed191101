/** Time limits (时限): a case's whole-case clock and the compliance report; the area's public interface. */
export { caseTimeLimit, type CaseTimeLimitView } from './case-time-limit-use-case';
export { complianceReport } from './compliance-use-case';
export { toCaseClock, toStoredPauses } from './case-time-limit-repository';
