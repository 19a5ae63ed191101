/** The billing area's first tables (db/billing/billing-models.ts) and a bill's state, run and issue day. */
import { DataTypes, type QueryInterface } from 'sequelize';
import { BillingRule, BillLine } from '../billing/billing-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [BillingRule, BillLine];

const BILL_COLUMNS = {
  status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'issued' },
  run_id: { type: DataTypes.INTEGER, allowNull: true },
  issued_on: { type: DataTypes.DATEONLY, allowNull: true },
};

/** `bills` is created from its model as it is now, so only a database created before this lacks the columns. */
export async function up(queryInterface: QueryInterface): Promise<void> {
  await createTablesFor(queryInterface, models);
  const existing = await queryInterface.describeTable('bills');
  for (const [column, definition] of Object.entries(BILL_COLUMNS))
    if (!(column in existing)) await queryInterface.addColumn('bills', column, definition);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  for (const column of Object.keys(BILL_COLUMNS).reverse()) await queryInterface.removeColumn('bills', column);
  await dropTablesFor(queryInterface, models);
}
