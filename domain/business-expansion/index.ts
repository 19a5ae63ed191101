/**
 * 业扩报装 (new connection and capacity increase): the public interface of the area. The API's routes, the job
 * workers, the seeds and other areas (change of use: a relocation becoming a new connection) use only this.
 */
// At the counter
export { startApplicationProcess, submitApplication, type SubmittedApplication } from './submit-application-use-case';
export { DOCUMENT_KINDS, requiredDocuments } from './required-documents';
export { documentsToHandIn, requiredDocumentsInput } from './required-documents-use-case';
export { feePayments } from './fee-payment-book';
export { reportConstructionCompleted, resubmitDesign, supplementDocuments } from './customer-actions-use-case';
// Reading cases
export { BUSINESS_EXPANSION_NOTICES, businessExpansionNotice, type BusinessExpansionNotice } from './case-notices';
export { getApplication, getSupplyScheme, listApplications } from './application-query-use-case';
export { caseTasks, type CaseTask } from './case-tasks';
// The process's steps
export { updateCaseState, type CaseStateInput } from './case-state-use-case';
export { recordScheme, type SchemeInput } from './supply-scheme-use-case';
export { calculateFees, noticeFees, type FeeFacts } from './fees-use-case';
export { contractFor } from './contract-use-case';
export { assignMetering } from './metering-use-case';
export { energize } from './energize-use-case';
export { archiveCase } from './archive-case-use-case';
export { applicationCaseTable } from './case-table';
export { recordStep, RECORDED_STEP_FIELDS } from './step-record-use-case';
