/**
 * Billing on the whole platform: the billing users the tests act as (a clerk and a supervisor of Pudong, created
 * when missing) and an account with a tariff version and an issued bill computed by the seeded rules.
 */
import { User } from '../../db/core/user-models';
import { computeBill, loadBillableAccounts, loadTariffBook, saveBillDrafts } from '../../domain/billing';
import type { MeteredUse } from '../../domain/billing';
import { hashPassword } from '../../domain/users';
import { seedAccount } from '../change-of-use/change-of-use-kit';
import { addTariffVersion } from './billing-database-kit';

export const BILLING_CLERK = 'jiangwen';
export const BILLING_SUPERVISOR = 'pengbin';

export async function seedBillingUsers(): Promise<void> {
  const users = [
    { login: BILLING_CLERK, name: '蒋雯', roles: ['billing-clerk'], groups: ['SH-PD'] },
    { login: BILLING_SUPERVISOR, name: '彭斌', roles: ['billing-supervisor'], groups: ['SH-PD'] },
  ];
  for (const user of users)
    if (!(await User.findOne({ where: { login: user.login } })))
      await User.create({ ...user, phone: null, passwordHash: await hashPassword('demo1234') });
}

/** A two-part customer billed by capacity (1,250 kVA) with an issued bill for `period` computed from `use`. */
export async function accountWithIssuedBill(period: string, use: MeteredUse) {
  const account = await seedAccount({ capacityKva: 1250 });
  await addTariffVersion(account.id, { powerFactorStandard: null });
  const billable = (await loadBillableAccounts([account.id], period)).get(account.id)!;
  const draft = computeBill(billable, use, period, await loadTariffBook());
  const [billId] = await saveBillDrafts([draft], { runId: null, dueDate: '2026-12-15', status: 'issued' });
  return { account, billId, draft };
}
