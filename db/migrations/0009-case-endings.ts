/**
 * Case state follows the process (decision 0023): how a case ended outside its process's own end (cancelled,
 * ended or vanished on the engine), and when a whole-case clock was stopped by a cancellation.
 */
import { DataTypes, type QueryInterface } from 'sequelize';
import { CaseEnding } from '../cases/case-ending-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [CaseEnding];

export async function up(queryInterface: QueryInterface): Promise<void> {
  await createTablesFor(queryInterface, models);
  // 0002 creates case_time_limits from the model as it is now: only an older database lacks the column.
  const existing = await queryInterface.describeTable('case_time_limits');
  if (!('cancelled_at' in existing))
    await queryInterface.addColumn('case_time_limits', 'cancelled_at', { type: DataTypes.DATE(3), allowNull: true });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.removeColumn('case_time_limits', 'cancelled_at');
  await dropTablesFor(queryInterface, models);
}
