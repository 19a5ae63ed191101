/**
 * README's Configuration table against the declarations: a variable added, removed or changed in the schema
 * without `npm run docs:config` fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_VARIABLES } from './app-config';
import { readmeRows, tableDifferences, tableRows, withTable } from './config-table';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test("README's configuration table is the declared one (else run `npm run docs:config`)", () => {
  expect(tableDifferences(readmeRows(README), tableRows(PLATFORM_VARIABLES))).toEqual([]);
});

describe('the table check', () => {
  const declared = tableRows(PLATFORM_VARIABLES);
  const generated = withTable(README, PLATFORM_VARIABLES);

  it('names a changed default, a row the schema lacks and a declared variable README lacks', () => {
    const edited = generated
      .replace('| `APP_PORT` | `3000` |', '| `APP_PORT` | `3001` |')
      .replace('| `LOG_LEVEL` |', '| `LOG_FORMAT` | `json` | json | x |\n| `LOG_LEVEL` |')
      .replace(/\| `APP_DEMO_DATA` .*\n/, '');
    expect(tableDifferences(readmeRows(edited), declared)).toEqual([
      '`APP_PORT`: README\'s default is "`3001`", declared "`3000`"',
      '`APP_DEMO_DATA` is declared but missing from README',
      '`LOG_FORMAT` is in README but not declared',
    ]);
  });

  it('names rows out of order', () => {
    const lines = generated.split('\n');
    const first = lines.findIndex((line) => line.startsWith('| `APP_PORT`'));
    [lines[first], lines[first + 1]] = [lines[first + 1], lines[first]];
    expect(tableDifferences(readmeRows(lines.join('\n')), declared)).toEqual([
      'README lists the variables in another order than they are declared',
    ]);
  });

  it('reads a cell with an escaped bar as one cell', () => {
    const rows = readmeRows(
      withTable(README, { X: { expected: 'a | b', meaning: 'm', default: '1', schema: undefined as never } }),
    );
    expect(rows).toEqual([{ variable: '`X`', default: '`1`', values: 'a \\| b', meaning: 'm' }]);
  });
});
