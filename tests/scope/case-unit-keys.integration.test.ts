/**
 * The cases outside a reader's units, read as index ranges (db/cases/case-unit-keys.ts, decision 0065), are exactly
 * the cases whose unit is not one of them or who have none: units that share a prefix, sort next to each other, or
 * sort before and after every unit asked; and one unit's cases are its own. SQLite, and MariaDB when asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSequelize } from '../../db/database';
import { caseKeysOfUnit, caseKeysOutsideUnits } from '../../db/cases/case-unit-keys';
import { openDatabase } from '../../db/migrator';
import { WorkOrder } from '../../db/work-orders';
import { freshMariadbUrl } from '../support/engine-process';

const onMariadb = process.env.ENGINE_TEST_DATABASE === 'mariadb';

async function databaseUrl(): Promise<string> {
  if (onMariadb) return freshMariadbUrl('app_it');
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'app-unit-keys-')), 'app.db')}`;
}

const UNITS = ['0-FIRST', 'SH', 'SH-PD', 'SH-PD-C1', 'SH-PD2', 'SH-JA', 'ZJ-HZ', 'zz-last'];

test('the cases outside a set of units: every unit not in it, and the cases with no unit', async () => {
  const sequelize = createSequelize(await databaseUrl());
  try {
    await openDatabase(sequelize);
    const now = new Date();
    await WorkOrder.bulkCreate(
      UNITS.map((unit, n) => ({
        orderNo: `GD-UNIT-${n}`,
        channel: 'phone',
        orderType: 'consultation',
        urgency: 'normal',
        customerName: `客户${n}`,
        phone: '13900000000',
        area: unit,
        areaType: 'urban',
        address: '上海市',
        content: '单位范围',
        handlingUnit: unit,
        state: 'dispatching',
        acceptedAt: now,
      })),
    );
    // A change of use saved before units were kept has none.
    await sequelize.getQueryInterface().bulkInsert('change_applications', [
      {
        application_no: 'BG-NO-UNIT',
        account_id: 1,
        customer_id: 1,
        change_type: 'suspend',
        requested_date: '2026-01-01',
        reason: '无单位',
        details: '{}',
        status: 'completed',
        submitted_by: 'zhangli',
        submitted_at: now,
        unit_code: null,
        created_at: now,
        updated_at: now,
      },
    ]);
    const orderOf = (unit: string) => `GD-UNIT-${UNITS.indexOf(unit)}`;
    const expectedOutside = (scope: string[]) =>
      [...UNITS.filter((unit) => !scope.includes(unit)).map(orderOf), 'BG-NO-UNIT'].sort();

    for (const scope of [
      ['SH-PD'],
      ['SH-PD', 'SH-PD-C1'],
      ['SH', 'SH-PD2'],
      ['0-FIRST', 'zz-last'],
      ['SH-JA', 'SH-PD', 'ZJ-HZ'],
      ['SH-PD', 'SH-PD'],
      ['NOT-A-UNIT'],
      [...UNITS],
    ])
      expect([...(await caseKeysOutsideUnits(scope))].sort()).toEqual(expectedOutside(scope));
    // No unit at all: every case is outside.
    expect([...(await caseKeysOutsideUnits([]))].sort()).toEqual(expectedOutside([]));
    // One unit's own cases, not those of a unit whose code it begins.
    expect(await caseKeysOfUnit('SH-PD')).toEqual([orderOf('SH-PD')]);
  } finally {
    await sequelize.close();
  }
});
