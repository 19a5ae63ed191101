/**
 * 变更用电 (change of use): the public interface of the area. The API's routes, the job workers, the seeds and
 * other areas use the area only through what is exported here.
 */
// Input schemas and the change types
export {
  applicationInput,
  CHANGE_TYPES,
  CHANGE_TYPE_NAMES,
  type ApplicationInput,
  type ChangeType,
} from './change-types';
export type { ChangeRoute } from './route-decision';
export { effectiveDay } from './effective-date';
// At the counter
export {
  startChangeProcess,
  submitChangeApplication,
  PROCESS_ID,
  type SubmittedApplication,
} from './submit-application-use-case';
export { changeFeePayments, FEE_PAID_MESSAGE } from './payment-use-case';
export { extendTemporaryChange, extensionInput, EXTENDED_MESSAGE } from './extension-use-case';
export { searchApplications, searchInput, applicationDetail } from './query-applications-use-case';
export { CHANGE_OF_USE_NOTICES, changeOfUseNotice, type ChangeOfUseNotice } from './case-notices';
export { unpaidBills, debtMessage, type UnpaidBills } from './unpaid-bills';
// The process's steps
export { checkDebts, type DebtCheck } from './debt-check-use-case';
export { applyAccountChanges, type AccountChangesInput } from './apply-account-changes-use-case';
export { noticeFee, remindExpiry, noticeCloseRefused } from './customer-notices-use-case';
export { makeContracts } from './new-contracts-use-case';
export { startNewConnection } from './start-new-connection-use-case';
export { closeOldAccount, type OldAccountClosing } from './close-old-account-use-case';
export { archiveCase, type CaseEnding } from './archive-case-use-case';
export { changeCaseTable } from './case-table';
