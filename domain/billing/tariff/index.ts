/**
 * The tariff part of billing, as the other parts use it (docs: the billing brief's contract): the rule sets, the
 * book of their rows, the accounts as billable, the calculator (pure) and the bulk writer of bills.
 */
import type { Transaction } from 'sequelize';
import { RuleBook } from '../rules';
import { TARIFF_RULE_SETS } from './rules';

export { TARIFF_RULE_SETS };
export { loadBillableAccounts } from './load-billable-accounts';
export { computeBill, ruleDayOf } from './compute-bill';
export { saveBillDrafts, type SaveBillOptions } from './save-bill-drafts';
export type { BillableAccount, CapacityOff, TariffKind, TariffTerms } from './billable-account';
export type { BillDraft, BillLineDraft, MeteredUse } from './bill-draft';

/** Every tariff rule row, read once: a run computes all its bills from this book. */
export const loadTariffBook = (transaction?: Transaction): Promise<RuleBook> =>
  RuleBook.load(TARIFF_RULE_SETS, transaction);
