/**
 * Dates as the business gave them (decision 0019): the day a 业扩 contract was signed (entered by the clerk), the
 * day a change of use took effect, and a fault repair's commitments with the times its crew recorded.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

const COLUMNS: [table: string, column: string, type: DataTypes.DataType][] = [
  ['be_contracts', 'signed_on', DataTypes.DATEONLY],
  ['change_applications', 'effective_on', DataTypes.DATEONLY],
  ['work_orders', 'arrival_due_at', DataTypes.DATE],
  ['work_orders', 'dispatched_at', DataTypes.DATE],
  ['work_orders', 'arrived_at', DataTypes.DATE],
  ['work_orders', 'restoration_due_at', DataTypes.DATE],
  ['work_orders', 'restored_at', DataTypes.DATE],
];

/**
 * The tables' first migrations create them from the models as they are now, so a fresh database already has these
 * columns: only a database created before them gets them added.
 */
export async function up(queryInterface: QueryInterface): Promise<void> {
  for (const [table, column, type] of COLUMNS) {
    const existing = await queryInterface.describeTable(table);
    if (!(column in existing)) await queryInterface.addColumn(table, column, { type, allowNull: true });
  }
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  for (const [table, column] of [...COLUMNS].reverse()) await queryInterface.removeColumn(table, column);
}
