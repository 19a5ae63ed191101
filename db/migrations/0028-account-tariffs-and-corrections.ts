/** An account's tariff versions and the corrections of bills (db/billing/tariff-models.ts). */
import type { QueryInterface } from 'sequelize';
import { AccountTariff, BillCorrection } from '../billing/tariff-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [AccountTariff, BillCorrection];

export async function up(queryInterface: QueryInterface): Promise<void> {
  await createTablesFor(queryInterface, models);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await dropTablesFor(queryInterface, models);
}
