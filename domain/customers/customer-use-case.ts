/**
 * Customers (客户): create, find, search. Shared by every area; other areas read the db models directly.
 */
import { Op, type Transaction } from 'sequelize';
import { Account, Customer } from '../../db/core/customer-models';
import { containing } from '../../db/text-search';
import { conflict, notFound } from '../../lib/errors/app-error';
import { nextNumber } from '../numbering';
import { z } from '../../lib/validation/zh-error-map';
import { parseInput } from '../../lib/validation/parse-input';

export const customerInput = z
  .object({
    kind: z.enum(['person', 'company']),
    name: z.string().trim().min(1).max(128),
    /** Resident ID (18 characters) for persons, unified social credit code (18) for companies. */
    idNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Z]{15,18}$/i, '证件号码格式不正确 / invalid ID number'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,32}$/, '电话格式不正确 / invalid phone number'),
    address: z.string().trim().min(1).max(255),
    area: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,8})?$/, '区域代码如 SH-PD / area code such as SH-PD'),
    areaType: z.enum(['urban', 'rural', 'remote']).default('urban'),
    important: z.boolean().default(false),
  })
  .strict();

export type CustomerInput = z.infer<typeof customerInput>;

export async function createCustomer(raw: unknown, transaction?: Transaction): Promise<Customer> {
  const input = parseInput(customerInput, raw, '客户');
  const existing = await Customer.findOne({ where: { idNumber: input.idNumber, name: input.name }, transaction });
  if (existing) throw conflict(`客户已存在 / customer exists: ${existing.customerNo} ${existing.name}`);
  const customerNo = await nextNumber('KH', transaction);
  return Customer.create({ ...input, customerNo }, { transaction });
}

export async function getCustomer(id: number): Promise<Record<string, unknown>> {
  const customer = await Customer.findByPk(id);
  if (!customer) throw notFound('客户 / customer', id);
  const accounts = await Account.findAll({ where: { customerId: id }, order: [['id', 'ASC']] });
  return { ...customer.get({ plain: true }), accounts: accounts.map((account) => account.get({ plain: true })) };
}

/** By customer number, name, ID number or phone (a part of any); the first 50, newest first. */
export async function searchCustomers(q: string | undefined): Promise<Customer[]> {
  const text = (q ?? '').trim();
  const where = text
    ? {
        [Op.or]: ['customerNo', 'name', 'idNumber', 'phone'].map((field) => ({
          [field]: containing(Customer.sequelize!, text),
        })),
      }
    : {};
  return Customer.findAll({ where, order: [['id', 'DESC']], limit: 50 });
}
