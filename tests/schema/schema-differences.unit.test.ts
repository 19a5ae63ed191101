import { schemaDifferences, type Schema } from '../support/schema-snapshot';

const table = (columns: Record<string, string>, indexes: Record<string, string> = {}) => ({
  columns,
  indexes,
  foreignKeys: {},
});

test('names columns and indexes added, removed and changed, and tables gone', () => {
  const snapshot: Schema = {
    cases: table({ id: 'INTEGER NOT NULL', state: 'VARCHAR(16) NOT NULL' }, { cases_state: '(state)' }),
    old: table({ id: 'INTEGER' }),
  };
  const now: Schema = {
    cases: table({ id: 'INTEGER NOT NULL', state: 'VARCHAR(32) NOT NULL', note: 'TEXT NULL' }),
  };
  expect(schemaDifferences(snapshot, now)).toEqual([
    '~ cases: column state: snapshot "VARCHAR(16) NOT NULL", now "VARCHAR(32) NOT NULL"',
    '+ cases: column note TEXT NULL',
    '- cases: index cases_state (state)',
    '- table old',
    '- old: column id INTEGER',
  ]);
  expect(schemaDifferences(now, now)).toEqual([]);
});
