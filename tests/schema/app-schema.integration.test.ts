/**
 * The application's migrations (db/migrations, umzug) on a fresh database give the schema committed next to them.
 * A migration, or a model whose first migration reads it, that changes the schema without the snapshot being
 * updated fails here; update with `UPDATE_SCHEMA_SNAPSHOT=1 npx jest tests/schema/app-schema.integration.test.ts`
 * (on MariaDB: `ENGINE_TEST_DATABASE=mariadb UPDATE_SCHEMA_SNAPSHOT=1 npx jest tests/schema`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSequelize } from '../../db/database';
import { openDatabase } from '../../db/migrator';
import { freshMariadbUrl } from '../support/engine-process';
import { dropMariadbDatabase, expectSchemaSnapshot, mariadbSchema, sqliteSchema } from '../support/schema-snapshot';

const SNAPSHOTS = join(__dirname, '..', '..', 'db', 'migrations');
const onMariadb = process.env.ENGINE_TEST_DATABASE === 'mariadb' ? test : test.skip;

async function migrate(url: string): Promise<void> {
  const sequelize = createSequelize(url);
  try {
    await openDatabase(sequelize);
  } finally {
    await sequelize.close();
  }
}

test('the application migrations give the committed SQLite schema', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'app-schema-')), 'app.db');
  await migrate(`sqlite:${file}`);
  expectSchemaSnapshot(sqliteSchema(file), join(SNAPSHOTS, 'schema.sqlite.snapshot.json'), __filename);
});

onMariadb('the application migrations give the committed MariaDB schema', async () => {
  const url = await freshMariadbUrl('app_it');
  try {
    await migrate(url);
    expectSchemaSnapshot(await mariadbSchema(url), join(SNAPSHOTS, 'schema.mariadb.snapshot.json'), __filename);
  } finally {
    await dropMariadbDatabase(url);
  }
});
