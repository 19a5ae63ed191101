/**
 * Customers (客户): create, find, search — within the reader's organisation units (decision 0025), with ID and
 * phone numbers masked unless a role that needs them asks for the whole view, which is audited. Shared by every
 * area; other areas read the db models directly.
 */
import { Op, type Transaction } from 'sequelize';
import { Account, Customer } from '../../db/core/customer-models';
import { containing } from '../../db/text-search';
import { conflict, notFound } from '../../lib/errors/app-error';
import { maskPii } from '../../lib/privacy/mask-pii';
import { nextNumber } from '../numbering';
import { z } from '../../lib/validation/zh-error-map';
import { parseInput } from '../../lib/validation/parse-input';
import {
  acceptingUnit,
  requireInScope,
  shownPii,
  type PiiRequest,
  scopeWhere,
  unitOfArea,
  type PiiReader,
  type ScopeUser,
} from '../users';
import { checkIdentity, refineResidentId } from './customer-identity';

export const customerInput = z
  .object({
    kind: z.enum(['person', 'company']),
    name: z.string().trim().min(1).max(128),
    /** Resident ID (18 characters, GB 11643) for persons, unified social credit code (18) for companies. */
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
  .strict()
  .superRefine(refineResidentId);

export type CustomerInput = z.infer<typeof customerInput>;

/** Who reads customers: scope by unit, whole numbers by permission. */
export type CustomerReader = ScopeUser & PiiReader;

/**
 * `acceptedBy` (a login) puts the customer in the accepting clerk's unit; without it (seeds, handovers) in the unit
 * serving the customer's area.
 */
export async function createCustomer(raw: unknown, transaction?: Transaction, acceptedBy?: string): Promise<Customer> {
  const input = parseInput(customerInput, raw, '客户');
  const holder = await checkIdentity(input, transaction);
  if (holder) throw conflict(`客户已存在 / customer exists: ${holder.customerNo} ${holder.name}`);
  const customerNo = await nextNumber('KH', transaction);
  const unitCode = acceptedBy ? await acceptingUnit(acceptedBy, input.area) : await unitOfArea(input.area);
  return Customer.create({ ...input, customerNo, unitCode }, { transaction });
}

/**
 * One customer with accounts, if within the reader's units (else 404: its existence is not revealed); its ID and
 * phone numbers masked unless the reader may and asks to see them whole (users/pii-view).
 */
export async function getCustomer(
  reader: CustomerReader,
  id: number,
  pii?: PiiRequest,
): Promise<Record<string, unknown>> {
  const customer = await Customer.findByPk(id);
  if (!customer) throw notFound('客户 / customer', id);
  await requireInScope(reader, customer.unitCode, '客户 / customer', id);
  const shown = await shownPii(reader, pii, `customer:${id}`, customer.get({ plain: true }));
  const accounts = await Account.findAll({ where: { customerId: id }, order: [['id', 'ASC']] });
  return { ...shown, accounts: accounts.map((account) => account.get({ plain: true })) };
}

/** By customer number, name, ID number or phone (a part of any), within the reader's units; the first 50, newest first, masked. */
export async function searchCustomers(reader: CustomerReader, q: string | undefined) {
  const text = (q ?? '').trim();
  const search = text
    ? {
        [Op.or]: ['customerNo', 'name', 'idNumber', 'phone'].map((field) => ({
          [field]: containing(Customer.sequelize!, text),
        })),
      }
    : {};
  const where = { [Op.and]: [search, await scopeWhere(reader)] };
  const found = await Customer.findAll({ where, order: [['id', 'DESC']], limit: 50 });
  return found.map((customer) => maskPii(customer.get({ plain: true })));
}
