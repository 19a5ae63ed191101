/**
 * Receipts, refunds and idempotency keys (decision 0024): the idempotency key and refund request tables, and on both
 * payment tables the receipt number (unique), the prepaid part and the payment a refund's negative row takes back.
 */
import { DataTypes, type QueryInterface } from 'sequelize';
import { IdempotencyKey } from '../core/idempotency-models';
import { PaymentRefund } from '../core/payment-ledger-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [IdempotencyKey, PaymentRefund];
const PAYMENT_TABLES = ['be_payments', 'change_payments'];
const COLUMNS: [column: string, type: DataTypes.DataType][] = [
  ['receipt_no', DataTypes.STRING(32)],
  ['prepayment_fen', DataTypes.INTEGER],
  ['refund_of', DataTypes.INTEGER],
];
const receiptIndex = (table: string) => `${table}_receipt_no`;

/**
 * The payment tables' first migrations create them from the models as they are now, so a fresh database already has
 * the columns: only a database created before them gets them added. The receipt index is added here in both cases.
 */
export async function up(queryInterface: QueryInterface): Promise<void> {
  await createTablesFor(queryInterface, models);
  for (const table of PAYMENT_TABLES) {
    const existing = await queryInterface.describeTable(table);
    for (const [column, type] of COLUMNS)
      if (!(column in existing)) await queryInterface.addColumn(table, column, { type, allowNull: true });
    await queryInterface.addIndex(table, ['receipt_no'], { unique: true, name: receiptIndex(table) });
  }
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  for (const table of [...PAYMENT_TABLES].reverse()) {
    await queryInterface.removeIndex(table, receiptIndex(table));
    for (const [column] of [...COLUMNS].reverse()) await queryInterface.removeColumn(table, column);
  }
  await dropTablesFor(queryInterface, models);
}
