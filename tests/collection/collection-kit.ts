/**
 * Helpers for the collection tests: the people of the counter, the arrears flow and the approvals (straight in the
 * database, password demo1234), a customer with an account, and issued bills made of lines that add up (as the
 * billing run leaves them; the tariff calculator is not needed here).
 */
import { BillLine } from '../../db/billing/billing-models';
import { Account, Bill, Customer } from '../../db/core/customer-models';
import { User } from '../../db/core/user-models';
import { hashPassword } from '../../domain/users';
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import type { Platform } from '../platform/platform-kit';

export const PEOPLE = [
  { login: 'qianli', name: '钱丽', roles: ['cashier'], groups: ['SH-PD'] },
  { login: 'maxiao', name: '马晓', roles: ['billing-supervisor'], groups: ['SH-PD'] },
  { login: 'heping', name: '何平', roles: ['arrears-collector'], groups: ['SH-PD'] },
  { login: 'app-channel', name: '掌上电力', roles: ['payment-channel'], groups: ['SH'] },
];
/** A Pudong crew member (platform/seed/work-orders-demo.ts). */
export const CREW = 'lutao';

export async function seedPeople(): Promise<void> {
  await seedWorkOrderDemoUsers();
  const passwordHash = await hashPassword('demo1234');
  for (const person of PEOPLE)
    if (!(await User.findOne({ where: { login: person.login } })))
      await User.create({ ...person, phone: null, passwordHash });
}

let serial = 0;

export async function seedAccount(category: 'residential' | 'commercial', area = 'SH-PD'): Promise<Account> {
  serial += 1;
  const tag = `${process.pid}${String(serial).padStart(3, '0')}`;
  const customer = await Customer.create({
    customerNo: `SFC${tag}`,
    kind: category === 'residential' ? 'person' : 'company',
    name: `收费测试${tag}`,
    idNumber: `3101TEST${tag}`,
    phone: `137${tag}`.slice(0, 11),
    address: '上海市浦东新区收费路1号',
    area,
    // The SH-* areas are served by the unit of the same code (platform/seed/roles-and-groups.ts).
    unitCode: area,
  });
  return Account.create({
    accountNo: `SFA${tag}`,
    customerId: customer.id,
    address: customer.address,
    voltage: category === 'residential' ? '220V' : '380V',
    capacityKva: 10,
    category,
    status: 'active',
    supplyPoint: null,
    basicChargeStoppedOn: null,
    basicChargeRestartsOn: null,
  });
}

/** An issued bill of two lines (energy and funds) adding up to `amountFen`. */
export async function issueBill(accountId: number, period: string, amountFen: number, dueDate: string): Promise<Bill> {
  const bill = await Bill.create({ accountId, period, amountFen, dueDate, paidAt: null, status: 'issued' });
  const fundFen = Math.floor(amountFen / 10);
  await BillLine.bulkCreate([
    {
      billId: bill.id,
      seq: 1,
      kind: 'energy',
      description: '电度电费',
      quantity: null,
      unit: 'kWh',
      unitPrice: null,
      amountFen: amountFen - fundFen,
    },
    {
      billId: bill.id,
      seq: 2,
      kind: 'fund',
      description: '政府性基金及附加',
      quantity: null,
      unit: 'kWh',
      unitPrice: null,
      amountFen: fundFen,
    },
  ]);
  return bill;
}

export async function accountView(platform: Platform, accountNo: string) {
  const answer = await (await platform.as('qianli')).get(`/collection/accounts/${accountNo}`);
  if (answer.status !== 200) throw new Error(`account ${accountNo}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function payAtCounter(platform: Platform, accountNo: string, amountFen: number) {
  const answer = await (
    await platform.as('qianli')
  ).post('/collection/counter/payments', {
    accountNo,
    amountFen,
    method: 'cash',
  });
  if (answer.status !== 201) throw new Error(`payment ${accountNo}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
