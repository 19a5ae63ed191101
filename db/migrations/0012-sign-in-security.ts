/**
 * Sign-in security (decision 0026): the users' token version and password date, and the failed sign-in counters
 * (db/core/sign-in-throttle-models.ts).
 */
import { DataTypes, type QueryInterface } from 'sequelize';
import { SignInThrottle } from '../core/sign-in-throttle-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [SignInThrottle];

const USER_COLUMNS = {
  token_version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  password_changed_at: { type: DataTypes.DATE, allowNull: true },
};

/** `users` is created from its model as it is now, so only a database created before this migration lacks them. */
export async function up(queryInterface: QueryInterface): Promise<void> {
  const existing = await queryInterface.describeTable('users');
  for (const [column, definition] of Object.entries(USER_COLUMNS))
    if (!(column in existing)) await queryInterface.addColumn('users', column, definition);
  await createTablesFor(queryInterface, models);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await dropTablesFor(queryInterface, models);
  for (const column of Object.keys(USER_COLUMNS).reverse()) await queryInterface.removeColumn('users', column);
}
