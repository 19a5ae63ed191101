/**
 * The variables that say which case a task belongs to and what it owes: set when the case starts (or by the
 * process's own steps), never from a task — whatever a form says. A form that lists one shows it read-only.
 */
export const CASE_IDENTITY_KEYS: ReadonlySet<string> = new Set([
  'businessKey',
  'applicationNo',
  'applicationId',
  'orderNo',
  'customerId',
  'customerNo',
  'customerName',
  'idNumber',
  'accountId',
  'accountNo',
  'feeFen',
  'feesDueFen',
  'paidFen',
  'amountDueFen',
  'debtFen',
]);
