/**
 * Brings the application's database up to date at start (umzug, with its progress table `app_migrations`).
 * Models are initialised first: a table's first migration creates it from its model.
 */
import { Umzug, SequelizeStorage } from 'umzug';
import type { Sequelize } from 'sequelize';
import { migrations } from './migrations';
import { initModels } from './models';

export async function openDatabase(sequelize: Sequelize): Promise<void> {
  initModels(sequelize);
  const queryInterface = sequelize.getQueryInterface();
  const umzug = new Umzug({
    migrations: migrations.map((migration) => ({
      name: migration.name,
      up: () => migration.up(queryInterface),
      down: () => migration.down(queryInterface),
    })),
    storage: new SequelizeStorage({ sequelize, tableName: 'app_migrations' }),
    logger: undefined,
  });
  await umzug.up();
}
