/**
 * Electricity accounts (用电户) and their bills: create, get, list. Business processes create accounts themselves
 * (energization); these endpoints serve data entry and the other areas' tests and demos. An account is read, and
 * billed, within the units its customer belongs to (decision 0025): another unit's is not found.
 */
import { Account, Bill, Customer } from '../../db/core/customer-models';
import { conflict, notFound } from '../../lib/errors/app-error';
import { nextNumber } from '../numbering';
import { z } from '../../lib/validation/zh-error-map';
import { parseInput, parseQuery } from '../../lib/validation/parse-input';
import { requireInScope, type ScopeUser } from '../users';
import { accountInScope } from './account-scope';

const accountInput = z
  .object({
    customerId: z.number().int().positive(),
    address: z.string().trim().min(1).max(255),
    voltage: z.enum(['220V', '380V', '10kV', '20kV', '35kV', '110kV']),
    capacityKva: z.number().positive().max(1_000_000),
    category: z.enum(['residential', 'commercial', 'industrial', 'agricultural']),
    status: z.enum(['active', 'suspended', 'reduced', 'removed', 'closed', 'pending']).default('active'),
    supplyPoint: z.string().max(128).nullable().default(null),
  })
  .strict();

const billInput = z
  .object({
    accountId: z.number().int().positive(),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '账期格式为 YYYY-MM / period is YYYY-MM'),
    amountFen: z.number().int().nonnegative(),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / date is YYYY-MM-DD'),
  })
  .strict();

export async function createAccount(reader: ScopeUser, raw: unknown): Promise<Account> {
  const input = parseInput(accountInput, raw, '用电户');
  const customer = await Customer.findByPk(input.customerId);
  if (!customer) throw notFound('客户 / customer', input.customerId);
  await requireInScope(reader, customer.unitCode, '客户 / customer', input.customerId);
  const accountNo = await nextNumber('HH');
  return Account.create({ ...input, accountNo, basicChargeStoppedOn: null, basicChargeRestartsOn: null });
}

export async function getAccount(reader: ScopeUser, id: number): Promise<Record<string, unknown>> {
  const account = await accountInScope(reader, id);
  const bills = await Bill.findAll({ where: { accountId: id }, order: [['period', 'DESC']], limit: 24 });
  return { ...account.get({ plain: true }), bills: bills.map((bill) => bill.get({ plain: true })) };
}

export async function createBill(reader: ScopeUser, raw: unknown): Promise<Bill> {
  const input = parseInput(billInput, raw, '电费账单');
  await accountInScope(reader, input.accountId);
  if (await Bill.findOne({ where: { accountId: input.accountId, period: input.period } }))
    throw conflict(`该账期已有账单 / a bill for ${input.period} exists`);
  return Bill.create({ ...input, paidAt: null });
}

const billQuery = z.object({
  accountId: z.coerce.number().int().positive(),
  unpaid: z.enum(['true', 'false']).optional(),
});

/** An account's bills, newest first; `unpaid=true` leaves out the paid ones. */
export async function listBills(reader: ScopeUser, query: unknown): Promise<Bill[]> {
  const input = parseQuery(billQuery, query, '账单查询');
  await accountInScope(reader, input.accountId);
  const where = input.unpaid === 'true' ? { accountId: input.accountId, paidAt: null } : { accountId: input.accountId };
  return Bill.findAll({ where, order: [['period', 'DESC']], limit: 120 });
}
