/**
 * A fresh application database (migrated, billing rules seeded) for billing tests that need the database but not
 * the engine: SQLite, or MariaDB when ENGINE_TEST_DATABASE=mariadb. Accounts and their tariff versions straight in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database';
import { openDatabase } from '../../db/migrator';
import { Account, Customer } from '../../db/core/customer-models';
import { AccountTariff } from '../../db/billing/tariff-models';
import { seedDefaultRules } from '../../domain/billing/rules/rule-book';
import { RULE_SETS } from '../../domain/rule-sets';
import { freshMariadbUrl } from '../support/engine-process';
import { dropMariadbDatabase } from '../support/schema-snapshot';

const onMariadb = process.env.ENGINE_TEST_DATABASE === 'mariadb';

/** Opens a fresh database before the file's tests and closes (on MariaDB: drops) it after them. */
export function useBillingDatabase(): { sequelize: () => Sequelize } {
  let sequelize: Sequelize;
  let url: string;
  beforeAll(async () => {
    url = onMariadb
      ? await freshMariadbUrl('app_it')
      : `sqlite:${join(mkdtempSync(join(tmpdir(), 'billing-')), 'app.db')}`;
    sequelize = createSequelize(url);
    await openDatabase(sequelize);
    await seedDefaultRules(RULE_SETS);
  });
  afterAll(async () => {
    await sequelize.close();
    if (onMariadb) await dropMariadbDatabase(url);
  });
  return { sequelize: () => sequelize };
}

let serial = 0;

export async function seedBillingAccount(
  values: Partial<Account> = {},
  tariff: Partial<AccountTariff> = {},
): Promise<Account> {
  serial += 1;
  const tag = `${process.pid}${String(serial).padStart(5, '0')}`;
  const customer = await Customer.create({
    customerNo: `JF${tag}`,
    kind: 'company',
    name: `电费测试${tag}`,
    idNumber: `91410000JF${tag}`,
    phone: '13900000000',
    address: '郑州市测试路1号',
    area: 'HA-ZZ',
    // Read through the API by Pudong's billing people (billing-platform-kit.ts): their unit (decision 0025).
    unitCode: 'SH-PD',
  });
  const account = await Account.create({
    accountNo: `JFA${tag}`,
    customerId: customer.id,
    address: customer.address,
    voltage: '10kV',
    capacityKva: 1250,
    category: 'industrial',
    supplyPoint: null,
    basicChargeStoppedOn: null,
    basicChargeRestartsOn: null,
    ...values,
  });
  await addTariffVersion(account.id, tariff);
  return account;
}

/** A tariff version for an account: two-part by capacity, PF 0.90, from 2026-01-01, unless `terms` says otherwise. */
export function addTariffVersion(accountId: number, terms: Partial<AccountTariff> = {}): Promise<AccountTariff> {
  return AccountTariff.create({
    accountId,
    effectiveFrom: '2026-01-01',
    kind: 'two-part',
    basicChargeBasis: 'capacity',
    contractDemandKw: null,
    powerFactorStandard: '0.90',
    timeOfUse: false,
    ruleScope: '*',
    reason: null,
    createdBy: 'test',
    ...terms,
  });
}
