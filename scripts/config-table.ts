/** `npm run docs:config`: writes README's Configuration table from the variable declarations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_VARIABLES } from '../lib/config/app-config';
import { withTable } from '../lib/config/config-table';

const readmePath = join(__dirname, '..', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = withTable(before, PLATFORM_VARIABLES);
if (after === before) console.log('README.md: configuration table up to date');
else {
  writeFileSync(readmePath, after);
  console.log('README.md: configuration table written');
}
