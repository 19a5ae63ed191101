/**
 * Closing billing and collection gaps (decisions 0060–0062): an arrears case carries the unit of its account's
 * customer (decision 0025's scope; rows older than the column get it from the customer) and the reminders sent; and
 * the indexes the billing and collection queries read by — overdue bills by status and due day, a run's bills, running
 * reading imports, the metering points of an account, arrears cases by unit.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

const INDEXES: { table: string; fields: string[]; name: string }[] = [
  { table: 'arrears_cases', fields: ['unit_code'], name: 'arrears_cases_unit_code' },
  { table: 'bills', fields: ['status', 'due_date'], name: 'bills_status_due_date' },
  { table: 'bills', fields: ['run_id'], name: 'bills_run_id' },
  { table: 'reading_imports', fields: ['status'], name: 'reading_imports_status' },
  { table: 'be_metering_points', fields: ['account_id'], name: 'be_metering_points_account_id' },
];

export async function up(queryInterface: QueryInterface): Promise<void> {
  const existing = await queryInterface.describeTable('arrears_cases');
  if (!('unit_code' in existing))
    await queryInterface.addColumn('arrears_cases', 'unit_code', { type: DataTypes.STRING(64), allowNull: true });
  if (!('reminders_sent' in existing))
    await queryInterface.addColumn('arrears_cases', 'reminders_sent', {
      type: DataTypes.INTEGER,
      allowNull: false,
      defaultValue: 0,
    });
  await queryInterface.sequelize.query(
    'UPDATE arrears_cases SET unit_code = (SELECT c.unit_code FROM accounts a JOIN customers c ON c.id = a.customer_id ' +
      'WHERE a.id = arrears_cases.account_id) WHERE unit_code IS NULL',
  );
  for (const index of INDEXES) await queryInterface.addIndex(index.table, index.fields, { name: index.name });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  for (const index of [...INDEXES].reverse()) await queryInterface.removeIndex(index.table, index.name);
  await queryInterface.removeColumn('arrears_cases', 'reminders_sent');
  await queryInterface.removeColumn('arrears_cases', 'unit_code');
}
