/** Accounts and customers a change brings in: the new owner of a transfer, the account a split or a temporary supply opens. */
import { Account, Customer } from '../../db/core/customer-models';
import { nextNumber } from '../numbering';
import { checkIdentity } from '../customers';
import type { ChangeLedger } from './change-ledger';

export interface NewCustomer {
  kind: string;
  name: string;
  idNumber: string;
  phone: string;
  address?: string;
}

/**
 * The transferee: the customer with that ID number if there is one (under the same name: one ID number, one name),
 * else a new customer in the unit of the customer it takes over from.
 */
export async function customerFor(ledger: ChangeLedger, person: NewCustomer, like: Customer): Promise<Customer> {
  const { transaction } = ledger;
  const existing = await checkIdentity(person, transaction);
  if (existing) return existing;
  return Customer.create(
    {
      customerNo: await nextNumber('KH', transaction),
      kind: person.kind,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      address: person.address ?? like.address,
      area: like.area,
      areaType: like.areaType,
      unitCode: like.unitCode,
    },
    { transaction },
  );
}

export async function openAccount(
  ledger: ChangeLedger,
  values: Pick<Account, 'customerId' | 'address' | 'voltage' | 'capacityKva' | 'category' | 'supplyPoint'>,
): Promise<Account> {
  const { transaction } = ledger;
  const account = await Account.create(
    {
      ...values,
      accountNo: await nextNumber('HH', transaction),
      status: 'active',
      basicChargeStoppedOn: null,
      basicChargeRestartsOn: null,
    },
    { transaction },
  );
  await ledger.note(account.id, 'created', account.accountNo);
  return account;
}
