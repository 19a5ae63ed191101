/** Meter reading and the monthly billing cycle (db/billing/reading-models.ts, db/billing/run-models.ts). */
import type { QueryInterface } from 'sequelize';
import { MeterReading, MeterRegister, ReadingImport, ReadingSection, SectionAccount } from '../billing/reading-models';
import { BillFlag, BillingRun, ReadingAnomaly } from '../billing/run-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [
  ReadingSection,
  SectionAccount,
  MeterRegister,
  MeterReading,
  ReadingImport,
  BillingRun,
  ReadingAnomaly,
  BillFlag,
];

export async function up(queryInterface: QueryInterface): Promise<void> {
  await createTablesFor(queryInterface, models);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await dropTablesFor(queryInterface, models);
}
