/** The audit log: every area records into it; administrators search it. The public interface of the area. */
export { auditEntriesOn, auditSearchInput, recordAudit, searchAudit, type AuditInput } from './audit-log';
