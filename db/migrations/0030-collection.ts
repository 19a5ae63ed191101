/** The collection area's tables (db/collection/collection-models.ts): payments of bills, allocations, bank files, arrears cases, weather flags. */
import type { QueryInterface } from 'sequelize';
import { ArrearsCase, BankImport, BillPayment, PaymentAllocation, WeatherFlag } from '../collection/collection-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [BillPayment, PaymentAllocation, BankImport, ArrearsCase, WeatherFlag];

export async function up(queryInterface: QueryInterface): Promise<void> {
  await createTablesFor(queryInterface, models);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await dropTablesFor(queryInterface, models);
}
