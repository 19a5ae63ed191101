/**
 * The schema a database has after its migrations, as plain text per table (columns with type, nullability and
 * default; indexes; foreign keys), and its comparison with a committed snapshot file. A migration that changes
 * the schema without the snapshot being updated fails with the differences named; an intended change is
 * recorded with `UPDATE_SCHEMA_SNAPSHOT=1 npx jest <test file>` (README.md, Configuration, "Migrations").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

export interface TableSchema {
  /** MariaDB only: the table's collation (utf8mb4_bin keeps keys case-sensitive). */
  collation?: string;
  columns: Record<string, string>;
  indexes: Record<string, string>;
  foreignKeys: Record<string, string>;
}

export type Schema = Record<string, TableSchema>;

const sorted = <T>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));

/** The schema of a SQLite file. */
export function sqliteSchema(filename: string): Schema {
  const db = new Database(filename, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    const schema: Schema = {};
    for (const { name: table } of tables) {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const columns = db.prepare(`PRAGMA table_info(${quoted})`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      const indexes = db.prepare(`PRAGMA index_list(${quoted})`).all() as {
        name: string;
        unique: number;
        origin: string;
        partial: number;
      }[];
      const foreignKeys = db.prepare(`PRAGMA foreign_key_list(${quoted})`).all() as {
        id: number;
        table: string;
        from: string;
        to: string | null;
        on_update: string;
        on_delete: string;
      }[];
      schema[table] = {
        columns: sorted(
          columns.map((c) => [
            c.name,
            [
              c.type || '(no type)',
              c.notnull ? 'NOT NULL' : 'NULL',
              c.dflt_value === null ? '' : `DEFAULT ${c.dflt_value}`,
              c.pk ? `PRIMARY KEY ${c.pk}` : '',
            ]
              .filter(Boolean)
              .join(' '),
          ]),
        ),
        indexes: sorted(
          indexes.map((index) => {
            const columnsOf = (
              db.prepare(`PRAGMA index_info("${index.name.replace(/"/g, '""')}")`).all() as {
                name: string | null;
              }[]
            ).map((c) => c.name ?? '(expression)');
            // Indexes SQLite makes for PRIMARY KEY / UNIQUE constraints have generated names: key them by columns.
            const key = index.name.startsWith('sqlite_autoindex_')
              ? `(${index.origin}) ${columnsOf.join(', ')}`
              : index.name;
            return [key, `${index.unique ? 'UNIQUE ' : ''}(${columnsOf.join(', ')})${index.partial ? ' PARTIAL' : ''}`];
          }),
        ),
        foreignKeys: sorted(
          groupForeignKeys(foreignKeys).map((fk) => [
            fk.from.join(', '),
            `${fk.table}(${fk.to.join(', ')}) ON UPDATE ${fk.onUpdate} ON DELETE ${fk.onDelete}`,
          ]),
        ),
      };
    }
    return schema;
  } finally {
    db.close();
  }
}

function groupForeignKeys(
  rows: { id: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }[],
): { table: string; from: string[]; to: string[]; onUpdate: string; onDelete: string }[] {
  const byId = new Map<number, { table: string; from: string[]; to: string[]; onUpdate: string; onDelete: string }>();
  for (const row of rows) {
    const fk = byId.get(row.id) ?? {
      table: row.table,
      from: [],
      to: [],
      onUpdate: row.on_update,
      onDelete: row.on_delete,
    };
    fk.from.push(row.from);
    fk.to.push(row.to ?? '(primary key)');
    byId.set(row.id, fk);
  }
  return [...byId.values()];
}

/** The schema of a MySQL / MariaDB database, given its URL (mysql://user:pass@host:port/db). */
export async function mariadbSchema(url: string): Promise<Schema> {
  const connection = await createConnection(url.replace(/^mariadb:/, 'mysql:'));
  try {
    const [[{ db }]] = (await connection.query('SELECT DATABASE() AS db')) as unknown as [[{ db: string }]];
    const [tables] = (await connection.query(
      `SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES
       WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`,
      [db],
    )) as unknown as [{ name: string; collation: string }[]];
    const [columns] = (await connection.query(
      `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
              COLUMN_DEFAULT AS dflt, EXTRA AS extra, COLLATION_NAME AS collation
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?`,
      [db],
    )) as unknown as [
      {
        tableName: string;
        name: string;
        type: string;
        nullable: string;
        dflt: string | null;
        extra: string;
        collation: string | null;
      }[],
    ];
    const [indexColumns] = (await connection.query(
      `SELECT TABLE_NAME AS tableName, INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS columnName,
              SUB_PART AS subPart
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
      [db],
    )) as unknown as [
      { tableName: string; name: string; nonUnique: number; columnName: string; subPart: number | null }[],
    ];
    const [foreignKeys] = (await connection.query(
      `SELECT k.TABLE_NAME AS tableName, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS columnName,
              k.REFERENCED_TABLE_NAME AS refTable, k.REFERENCED_COLUMN_NAME AS refColumn,
              r.UPDATE_RULE AS onUpdate, r.DELETE_RULE AS onDelete
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
            AND r.TABLE_NAME = k.TABLE_NAME
       WHERE k.TABLE_SCHEMA = ? ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
      [db],
    )) as unknown as [
      {
        tableName: string;
        name: string;
        columnName: string;
        refTable: string;
        refColumn: string;
        onUpdate: string;
        onDelete: string;
      }[],
    ];
    const schema: Schema = {};
    for (const table of tables) {
      const indexes = new Map<string, { unique: boolean; columns: string[] }>();
      for (const row of indexColumns.filter((r) => r.tableName === table.name)) {
        const index = indexes.get(row.name) ?? { unique: Number(row.nonUnique) === 0, columns: [] };
        index.columns.push(row.subPart ? `${row.columnName}(${row.subPart})` : row.columnName);
        indexes.set(row.name, index);
      }
      const fks = new Map<
        string,
        { from: string[]; table: string; to: string[]; onUpdate: string; onDelete: string }
      >();
      for (const row of foreignKeys.filter((r) => r.tableName === table.name)) {
        const fk = fks.get(row.name) ?? {
          from: [],
          table: row.refTable,
          to: [],
          onUpdate: row.onUpdate,
          onDelete: row.onDelete,
        };
        fk.from.push(row.columnName);
        fk.to.push(row.refColumn);
        fks.set(row.name, fk);
      }
      schema[table.name] = {
        collation: table.collation,
        columns: sorted(
          columns
            .filter((c) => c.tableName === table.name)
            .map((c) => [
              c.name,
              [
                c.type,
                c.nullable === 'YES' ? 'NULL' : 'NOT NULL',
                c.dflt === null ? '' : `DEFAULT ${c.dflt}`,
                c.extra ? c.extra.toUpperCase() : '',
                c.collation && c.collation !== table.collation ? `COLLATE ${c.collation}` : '',
              ]
                .filter(Boolean)
                .join(' '),
            ]),
        ),
        indexes: sorted(
          [...indexes].map(([name, index]) => [name, `${index.unique ? 'UNIQUE ' : ''}(${index.columns.join(', ')})`]),
        ),
        foreignKeys: sorted(
          [...fks.values()].map((fk) => [
            fk.from.join(', '),
            `${fk.table}(${fk.to.join(', ')}) ON UPDATE ${fk.onUpdate} ON DELETE ${fk.onDelete}`,
          ]),
        ),
      };
    }
    return schema;
  } finally {
    await connection.end();
  }
}

/** Every difference, one line each: `+` in the database but not the snapshot, `-` the other way, `~` changed. */
export function schemaDifferences(snapshot: Schema, actual: Schema): string[] {
  const flatten = (schema: Schema): Map<string, string> => {
    const lines = new Map<string, string>();
    for (const [table, t] of Object.entries(schema)) {
      lines.set(`table ${table}`, t.collation ?? '');
      for (const [name, text] of Object.entries(t.columns)) lines.set(`${table}: column ${name}`, text);
      for (const [name, text] of Object.entries(t.indexes)) lines.set(`${table}: index ${name}`, text);
      for (const [name, text] of Object.entries(t.foreignKeys)) lines.set(`${table}: foreign key ${name}`, text);
    }
    return lines;
  };
  const before = flatten(snapshot);
  const after = flatten(actual);
  const differences: string[] = [];
  for (const [key, text] of after) {
    if (!before.has(key)) differences.push(`+ ${key} ${text}`.trimEnd());
    else if (before.get(key) !== text) differences.push(`~ ${key}: snapshot "${before.get(key)}", now "${text}"`);
  }
  for (const [key, text] of before) if (!after.has(key)) differences.push(`- ${key} ${text}`.trimEnd());
  return differences;
}

/**
 * Compares the schema with the snapshot file and throws, naming every difference, when they differ; with
 * UPDATE_SCHEMA_SNAPSHOT=1 writes the file instead.
 */
export function expectSchemaSnapshot(actual: Schema, snapshotFile: string, testFile: string): void {
  const root = relative(process.cwd(), snapshotFile);
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
    writeFileSync(snapshotFile, JSON.stringify(actual, null, 2) + '\n');
    return;
  }
  if (!existsSync(snapshotFile))
    throw new Error(
      `no schema snapshot ${root}: write it with UPDATE_SCHEMA_SNAPSHOT=1 npx jest ${relative(process.cwd(), testFile)}`,
    );
  const differences = schemaDifferences(JSON.parse(readFileSync(snapshotFile, 'utf8')) as Schema, actual);
  if (differences.length > 0)
    throw new Error(
      `the migrated schema differs from ${root}:\n${differences.map((line) => `  ${line}`).join('\n')}\n` +
        'If the migration is meant to change the schema, update the snapshot and commit it with the migration:\n' +
        `  UPDATE_SCHEMA_SNAPSHOT=1 npx jest ${relative(process.cwd(), testFile)}`,
    );
}

/** Drops the database a test made (its URL names it). */
export async function dropMariadbDatabase(url: string): Promise<void> {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/';
  const connection = await createConnection(parsed.toString());
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database.replace(/`/g, '``')}\``);
  } finally {
    await connection.end();
  }
}
