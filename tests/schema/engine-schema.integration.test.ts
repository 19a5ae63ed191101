/**
 * The engine's storage migrations (engine/storage/migrations.ts) on a fresh database give the schema committed
 * next to them. A migration that changes the schema without the snapshot being updated fails here; update with
 * `UPDATE_SCHEMA_SNAPSHOT=1 npx jest tests/schema/engine-schema.integration.test.ts` (on MariaDB:
 * `ENGINE_TEST_DATABASE=mariadb UPDATE_SCHEMA_SNAPSHOT=1 npx jest tests/schema`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from '../../engine/storage/create-storage';
import { freshMariadbUrl } from '../support/engine-process';
import { dropMariadbDatabase, expectSchemaSnapshot, mariadbSchema, sqliteSchema } from '../support/schema-snapshot';

const SNAPSHOTS = join(__dirname, '..', '..', 'engine', 'storage');
const onMariadb = process.env.ENGINE_TEST_DATABASE === 'mariadb' ? test : test.skip;

async function migrate(url: string): Promise<void> {
  const storage = createStorage(url);
  await storage.open();
  await storage.close();
}

test('the engine migrations give the committed SQLite schema', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'engine-schema-')), 'engine.db');
  await migrate(`sqlite:${file}`);
  expectSchemaSnapshot(sqliteSchema(file), join(SNAPSHOTS, 'schema.sqlite.snapshot.json'), __filename);
});

onMariadb('the engine migrations give the committed MariaDB schema', async () => {
  const url = await freshMariadbUrl('engine_it');
  try {
    await migrate(url);
    expectSchemaSnapshot(await mariadbSchema(url), join(SNAPSHOTS, 'schema.mariadb.snapshot.json'), __filename);
  } finally {
    await dropMariadbDatabase(url);
  }
});
