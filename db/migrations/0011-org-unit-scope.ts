/**
 * Who sees what (decision 0025): customers and the 业扩 and 变更用电 cases carry the organisation unit they belong
 * to (95598 orders already have their handling unit); rows older than the column get the unit serving their area.
 * And the steps a case's starter may not do (separated_steps).
 */
import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import { SeparatedStep } from '../core/user-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const TABLES = ['customers', 'be_applications', 'change_applications'] as const;

/** Area code → the unit-level group that lists it among its areas (org_groups.areas, JSON text on some drivers). */
async function unitsByArea(queryInterface: QueryInterface): Promise<Map<string, string>> {
  const groups = await queryInterface.sequelize.query<{ code: string; level: string; areas: unknown }>(
    'SELECT code, level, areas FROM org_groups',
    { type: QueryTypes.SELECT },
  );
  const units = new Map<string, string>();
  for (const group of groups.filter((g) => g.level === 'unit')) {
    const areas = typeof group.areas === 'string' ? (JSON.parse(group.areas) as string[]) : (group.areas as string[]);
    for (const area of areas ?? []) units.set(area, group.code);
  }
  return units;
}

/** Customers by their area's unit (the area code itself where no unit lists it); cases follow their customer. */
async function fillUnits(queryInterface: QueryInterface): Promise<void> {
  const sequelize = queryInterface.sequelize;
  const units = await unitsByArea(queryInterface);
  const areas = await sequelize.query<{ area: string }>('SELECT DISTINCT area FROM customers WHERE unit_code IS NULL', {
    type: QueryTypes.SELECT,
  });
  for (const { area } of areas) {
    await sequelize.query('UPDATE customers SET unit_code = ? WHERE area = ? AND unit_code IS NULL', {
      replacements: [units.get(area) ?? area, area],
    });
  }
  for (const table of ['be_applications', 'change_applications']) {
    await sequelize.query(
      `UPDATE ${table} SET unit_code = (SELECT c.unit_code FROM customers c WHERE c.id = ${table}.customer_id) ` +
        'WHERE unit_code IS NULL',
    );
  }
}

export async function up(queryInterface: QueryInterface): Promise<void> {
  for (const table of TABLES) {
    const existing = await queryInterface.describeTable(table);
    if (!('unit_code' in existing))
      await queryInterface.addColumn(table, 'unit_code', { type: DataTypes.STRING(64), allowNull: true });
    await queryInterface.addIndex(table, ['unit_code'], { name: `${table}_unit_code` });
  }
  await fillUnits(queryInterface);
  await createTablesFor(queryInterface, [SeparatedStep]);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await dropTablesFor(queryInterface, [SeparatedStep]);
  for (const table of [...TABLES].reverse()) {
    await queryInterface.removeIndex(table, `${table}_unit_code`);
    await queryInterface.removeColumn(table, 'unit_code');
  }
}
