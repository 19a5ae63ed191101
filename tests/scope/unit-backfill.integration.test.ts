/**
 * Migration 0011 on a database that already has customers and cases: each customer gets the unit serving its
 * area (the area code where no unit lists it), each case its customer's unit. SQLite, and MariaDB when asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../../db/database';
import { openDatabase } from '../../db/migrator';
import * as orgUnitScope from '../../db/migrations/0011-org-unit-scope';
import { freshMariadbUrl } from '../support/engine-process';
import { dropMariadbDatabase } from '../support/schema-snapshot';

const onMariadb = process.env.ENGINE_TEST_DATABASE === 'mariadb';

async function databaseUrl(): Promise<string> {
  if (onMariadb) return freshMariadbUrl('app_it');
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'app-backfill-')), 'app.db')}`;
}

test('existing customers take the unit serving their area, existing cases their customer’s unit', async () => {
  const url = await databaseUrl();
  const sequelize = createSequelize(url);
  try {
    await openDatabase(sequelize);
    const queryInterface = sequelize.getQueryInterface();
    // The database as it was before 0011: no unit column yet.
    await orgUnitScope.down(queryInterface);
    const now = new Date();
    const stamps = { created_at: now, updated_at: now };
    await queryInterface.bulkInsert('org_groups', [
      { code: 'SH-PD', name: '浦东供电公司', level: 'unit', parent_code: null, areas: '["SH-PD","SH-PD2"]', ...stamps },
    ]);
    const customer = (id: number, area: string) => ({
      id,
      customer_no: `KH-OLD-${id}`,
      kind: 'company',
      name: `老客户${id}`,
      id_number: `91310115OLD0000${id}`,
      phone: '021-50000000',
      address: '上海市',
      area,
      area_type: 'urban',
      important: false,
      ...stamps,
    });
    await queryInterface.bulkInsert('customers', [customer(1, 'SH-PD2'), customer(2, 'ZJ-HZ')]);
    await queryInterface.bulkInsert('change_applications', [
      {
        application_no: 'BG-OLD-1',
        account_id: 1,
        customer_id: 2,
        change_type: 'suspend',
        requested_date: '2026-01-01',
        reason: '旧数据',
        details: '{}',
        status: 'completed',
        submitted_by: 'zhangli',
        submitted_at: now,
        ...stamps,
      },
    ]);

    await orgUnitScope.up(queryInterface);

    const units = await sequelize.query<{ customer_no: string; unit_code: string }>(
      'SELECT customer_no, unit_code FROM customers ORDER BY id',
      { type: QueryTypes.SELECT },
    );
    expect(units).toEqual([
      { customer_no: 'KH-OLD-1', unit_code: 'SH-PD' },
      { customer_no: 'KH-OLD-2', unit_code: 'ZJ-HZ' },
    ]);
    const cases = await sequelize.query<{ unit_code: string }>('SELECT unit_code FROM change_applications', {
      type: QueryTypes.SELECT,
    });
    expect(cases).toEqual([{ unit_code: 'ZJ-HZ' }]);
  } finally {
    await sequelize.close();
    if (onMariadb) await dropMariadbDatabase(url);
  }
});
