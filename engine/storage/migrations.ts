/**
 * The engine's schema, as an ordered list of migrations. Each migration has the statements for SQLite and for
 * MySQL/MariaDB; `open()` of a storage applies the ones not yet recorded in `engine_schema_migrations`, in order.
 *
 * Rules: never edit or reorder a migration that has shipped; add a new one with the next id. Every table the
 * engine owns starts with `engine_` because the application may share the database. One statement per string
 * (the MySQL driver runs one statement per call).
 */

export type SqlDialect = 'sqlite' | 'mysql';

export interface Migration {
  /** Increasing from 1, without gaps. */
  id: number;
  name: string;
  sqlite: string[];
  mysql: string[];
}

export const MIGRATIONS_TABLE = 'engine_schema_migrations';

/** Creates the table recording applied migrations; idempotent. */
export const MIGRATIONS_TABLE_DDL: Record<SqlDialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`,
  mysql: `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
    id INT NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    applied_at BIGINT NOT NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
};

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'create engine_records and engine_state',
    sqlite: [
      `CREATE TABLE engine_records (
        position INTEGER PRIMARY KEY,
        record_key INTEGER NOT NULL,
        value_type TEXT NOT NULL,
        intent TEXT NOT NULL,
        record_type TEXT NOT NULL,
        process_instance_key INTEGER NULL,
        timestamp INTEGER NOT NULL,
        value TEXT NOT NULL
      )`,
      `CREATE INDEX engine_records_process_instance ON engine_records (process_instance_key, position)`,
      `CREATE TABLE engine_state (
        cf TEXT NOT NULL,
        state_key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (cf, state_key)
      ) WITHOUT ROWID`,
    ],
    // Keys are compared byte for byte (utf8mb4_bin): state keys are case-sensitive.
    mysql: [
      `CREATE TABLE engine_records (
        position BIGINT NOT NULL PRIMARY KEY,
        record_key BIGINT NOT NULL,
        value_type VARCHAR(64) NOT NULL,
        intent VARCHAR(64) NOT NULL,
        record_type VARCHAR(32) NOT NULL,
        process_instance_key BIGINT NULL,
        \`timestamp\` BIGINT NOT NULL,
        value LONGTEXT NOT NULL,
        KEY engine_records_process_instance (process_instance_key, position)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_state (
        cf VARCHAR(64) NOT NULL,
        state_key VARCHAR(512) NOT NULL,
        value LONGTEXT NOT NULL,
        PRIMARY KEY (cf, state_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
];

/** Throws when the list is malformed (ids not 1..n in order); called by the storages before migrating. */
export function checkMigrations(migrations: readonly Migration[] = MIGRATIONS): void {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) {
      throw new Error(`engine migrations out of order: position ${i} has id ${m.id}, expected ${i + 1}`);
    }
  });
}

/** The migrations whose id is not in `applied`, in order. */
export function pendingMigrations(
  applied: Iterable<number>,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  checkMigrations(migrations);
  const done = new Set(applied);
  const known = new Set(migrations.map((m) => m.id));
  for (const id of done) {
    if (!known.has(id)) {
      throw new Error(
        `the database has engine migration ${id}, which this engine version does not know: it was written by a newer engine`,
      );
    }
  }
  return migrations.filter((m) => !done.has(m.id));
}
