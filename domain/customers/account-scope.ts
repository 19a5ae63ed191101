/**
 * An account is read, billed and collected within the units its customer belongs to (decision 0025): another unit's
 * account answers as not found, like one that does not exist. Billing and collection check every account, bill, run
 * and case they are asked about through these.
 */
import { Account, Customer } from '../../db/core/customer-models';
import { notFound } from '../../lib/errors/app-error';
import { requireInScope, type ScopeUser } from '../users';

const WHAT = '用电户 / account';

async function inCustomersUnits(reader: ScopeUser, account: Account | null, id: string | number): Promise<Account> {
  if (!account) throw notFound(WHAT, id);
  const customer = await Customer.findByPk(account.customerId);
  await requireInScope(reader, customer?.unitCode, WHAT, id);
  return account;
}

/** The account of `id`, if its customer is in the reader's units. */
export const accountInScope = async (reader: ScopeUser, id: number): Promise<Account> =>
  inCustomersUnits(reader, await Account.findByPk(id), id);

/** The account numbered `accountNo`, if its customer is in the reader's units. */
export const accountNoInScope = async (reader: ScopeUser, accountNo: string): Promise<Account> =>
  inCustomersUnits(reader, await Account.findOne({ where: { accountNo } }), accountNo);
