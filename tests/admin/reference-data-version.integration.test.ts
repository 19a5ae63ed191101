/**
 * Reference data kept in the process (db/core/reference-version.ts, decision 0067) is loaded again after any write
 * to roles, units or the calendar — a model write, an upsert, a bulk write — and not after a write rolled back.
 * SQLite, and MariaDB when asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database';
import { referenceData, referenceVersion } from '../../db/core/reference-version';
import { Group, Role } from '../../db/core/user-models';
import { CalendarDay, CalendarYear } from '../../db/time-limits/time-limit-models';
import { openDatabase } from '../../db/migrator';
import { freshMariadbUrl } from '../support/engine-process';

const onMariadb = process.env.ENGINE_TEST_DATABASE === 'mariadb';
let sequelize: Sequelize;

beforeAll(async () => {
  const url = onMariadb
    ? await freshMariadbUrl('app_it')
    : `sqlite:${join(mkdtempSync(join(tmpdir(), 'app-reference-')), 'app.db')}`;
  sequelize = createSequelize(url);
  await openDatabase(sequelize);
});
afterAll(() => sequelize.close());

test('every kind of write to the reference tables moves the version; a rolled-back one does not', async () => {
  const moves = async (write: () => Promise<unknown>) => {
    const before = await referenceVersion(sequelize);
    await write();
    return (await referenceVersion(sequelize)) !== before;
  };
  expect(
    await moves(() => Role.upsert({ code: 'meter-reader', name: '抄表员', nameEn: 'Meter reader', permissions: [] })),
  ).toBe(true);
  expect(await moves(() => Role.update({ permissions: ['supervise'] }, { where: { code: 'meter-reader' } }))).toBe(
    true,
  );
  expect(
    await moves(() => Group.create({ code: 'ZJ-NB', name: '宁波供电公司', level: 'unit', parentCode: null })),
  ).toBe(true);
  expect(await moves(async () => (await Group.findByPk('ZJ-NB'))!.update({ name: '宁波市供电公司' }))).toBe(true);
  expect(
    await moves(() => CalendarDay.bulkCreate([{ date: '2031-01-01', year: 2031, kind: 'holiday', name: '元旦' }])),
  ).toBe(true);
  expect(await moves(() => CalendarDay.destroy({ where: { date: '2031-01-01' } }))).toBe(true);
  expect(
    await moves(() =>
      sequelize
        .transaction(async (transaction) => {
          await CalendarYear.upsert(
            { year: 2031, source: 'administrator', notice: '国办发明电〔2030〕1号', enteredBy: 'admin' },
            { transaction },
          );
          throw new Error('abandoned');
        })
        .catch(() => undefined),
    ),
  ).toBe(false);
  // A read moves nothing.
  expect(await moves(() => Role.findAll())).toBe(false);
});

test('kept data is loaded again only when the version has moved', async () => {
  let loads = 0;
  const load = async () => ({ loaded: ++loads });
  const first = await referenceData('test-reference', load);
  expect(await referenceData('test-reference', load)).toBe(first);
  await Group.upsert({ code: 'ZJ-WZ', name: '温州供电公司', level: 'unit', parentCode: null });
  const second = await referenceData('test-reference', load);
  expect(second).toEqual({ loaded: 2 });
  expect(await referenceData('test-reference', load)).toBe(second);
});
