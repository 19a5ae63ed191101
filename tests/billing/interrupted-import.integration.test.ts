/**
 * A reading import its process never finished (killed in the middle) is marked interrupted at the next start, not
 * left running; the file sent again is imported whole, each reading once.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeterReading, ReadingImport } from '../../db/billing/reading-models';
import { createReadingImport, importReadingFile, interruptRunningImports, runImport } from '../../domain/billing';
import { useBillingDatabase } from './billing-database-kit';
import { csvLine, seedMeteredAccount } from './billing-kit';

const database = useBillingDatabase();

test('a running import with no process behind it is interrupted at start and can be imported again', async () => {
  const accounts = [await seedMeteredAccount('II'), await seedMeteredAccount('II')];
  const path = join(mkdtempSync(join(tmpdir(), 'interrupted-')), 'readings.csv');
  writeFileSync(path, accounts.map((account, i) => csvLine(account, 'total', 100 + i, '2026-05-25 10:00')).join('\n'));
  const input = { path, fileName: 'readings.csv', period: '2026-05', actor: 'test' };

  // The first run saved its rows, then its process died before it could say done.
  const first = await runImport(database.sequelize(), await createReadingImport(input), path);
  await first.update({ status: 'running', finishedAt: null });
  const untouched = await importReadingFile(database.sequelize(), input);
  expect(untouched.status).toBe('done');

  expect(await interruptRunningImports()).toEqual([first.id]);
  const interrupted = (await ReadingImport.findByPk(first.id))!;
  expect(interrupted.status).toBe('interrupted');
  expect(interrupted.errors.at(-1)?.message).toMatch(/interrupted/);
  expect((await ReadingImport.findByPk(untouched.id))!.status).toBe('done');

  const again = await importReadingFile(database.sequelize(), input);
  expect(again).toMatchObject({ status: 'done', rowsSaved: 2 });
  const saved = await MeterReading.findAll({ where: { accountId: accounts.map((account) => account.accountId) } });
  expect(saved.map((reading) => Number(reading.value)).sort()).toEqual([100, 101]);
  expect(await interruptRunningImports()).toEqual([]);
});
