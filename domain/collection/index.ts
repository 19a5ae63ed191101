/**
 * Collection (电费收缴、欠费): payments of bills at the counter, by bank file and from the customer app, their
 * allocation and the prepayment balance, reversals and refunds with approval, the daily reconciliation, and the
 * arrears cases with their disconnection and reconnection. The area's public interface.
 */
export {
  COLLECTION_RULE_SETS,
  PENALTY_RATES,
  ARREARS_GRACE,
  ARREARS_REMINDERS,
  DISCONNECTION_NOTICE,
} from './collection-rules';
export { penaltyOf, type Penalty, type PenaltyInput } from './penalty';
export { allocate, type Allocation, type OpenBill } from './allocation';
export { applyMoney } from './apply-money';
export { openBills, prepaymentBalance } from './account-ledger';
export { recordBillPayment } from './record-payment-use-case';
export { notifyArrearsSettled } from './arrears-settled';
export { openArrearsCases, ARREARS_PROCESS } from './open-arrears-cases-use-case';
export { openArrearsCasesIfDue, startArrearsSchedule } from './arrears-schedule';
export {
  cutDayFacts,
  postponeCut,
  recordDisconnection,
  recordReconnection,
  recordSettlement,
  sendDisconnectionNotice,
  sendReminder,
  sendSecondNotice,
} from './arrears-steps-use-case';
export { requestBillRefund, decideBillRefund, listBillRefunds } from './refund-use-case';
export { importBankFile, bankImportReport } from './bank-import-use-case';
export { dailyReconciliation } from './reconciliation-use-case';
export { accountArrears, arrearsCases, arrearsCase } from './account-arrears-use-case';
export { accountBillsByNo, billStatement } from './bill-statement-use-case';
export { spendPrepaymentsOnRun } from './prepayments-on-issue-use-case';
export { listWeatherFlags, setWeatherFlag, removeWeatherFlag } from './weather-flags-use-case';
