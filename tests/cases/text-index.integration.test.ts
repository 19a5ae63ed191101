/**
 * The case search's text index (db/text-index, decision 0068): for any typed text, the rows it answers include every
 * row whose indexed values contain the text as LIKE matches it, whatever wrote the rows (create, bulk create, update
 * of one row or by a condition, destroy, a rolled-back transaction, rows older than the index; upserts refused); a
 * text too common to narrow by answers "read the table". SQLite, and MariaDB when asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Op, type Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database';
import { openDatabase } from '../../db/migrator';
import { Customer } from '../../db/core/customer-models';
import { AppSetting } from '../../db/core/setting-models';
import { containing } from '../../db/text-search';
import {
  bringTextIndexUpToDate,
  CANDIDATES_AT_MOST,
  GRAMS_TABLE,
  rowsMayContain,
} from '../../db/text-index/text-index';
import { WorkOrder } from '../../db/work-orders';
import { freshMariadbUrl } from '../support/engine-process';

const onMariadb = process.env.ENGINE_TEST_DATABASE === 'mariadb';

let sequelize: Sequelize;
beforeAll(async () => {
  sequelize = createSequelize(
    onMariadb
      ? await freshMariadbUrl('app_it')
      : `sqlite:${join(mkdtempSync(join(tmpdir(), 'app-text-index-')), 'app.db')}`,
  );
  await openDatabase(sequelize);
});
afterAll(() => sequelize.close());

/** A small seeded random source: the same rows on every run. */
function randomSource(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}
const random = randomSource(20261208);
// Few characters, so that texts overlap a lot; a letter in both cases, LIKE's wildcards and a character outside the
// basic plane.
const ALPHABET = Array.from('张王李伟芳路号区aAbB01%_!𠀀');
const text = (length: number) => Array.from({ length }, () => ALPHABET[random(ALPHABET.length)]).join('');

let orderCount = 0;
const order = (fields: { customerName?: string; address?: string; phone?: string } = {}) => ({
  orderNo: `GD-TI-${++orderCount}`,
  channel: 'phone',
  orderType: 'consultation',
  urgency: 'normal',
  customerName: fields.customerName ?? text(2 + random(4)),
  phone: fields.phone ?? `139${String(random(100_000_000)).padStart(8, '0')}`,
  area: 'SH-PD',
  areaType: 'urban',
  address: fields.address ?? text(3 + random(10)),
  content: '文本索引',
  handlingUnit: 'SH-PD',
  state: 'dispatching',
  acceptedAt: new Date(),
});

/** The orders whose searched values contain `typed`, read from the table as the search matches them. */
async function ordersContaining(typed: string): Promise<number[]> {
  const like = containing(sequelize, typed);
  const rows = await WorkOrder.findAll({
    attributes: ['id'],
    where: { [Op.or]: [{ orderNo: like }, { customerName: like }, { address: like }, { phone: typed }] },
  });
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** Every text typed finds, through the index, each order the table says holds it. */
async function expectIndexFindsEveryMatch(texts: string[]) {
  for (const typed of texts) {
    const expected = await ordersContaining(typed);
    const candidates = await rowsMayContain(WorkOrder, typed);
    expect({ typed, candidates: candidates === undefined ? 'too common' : 'narrowed' }).toEqual({
      typed,
      candidates: 'narrowed',
    });
    const missed = expected.filter((id) => !candidates!.includes(id));
    expect({ typed, missed }).toEqual({ typed, missed: [] });
  }
}

const sampleTexts = (values: string[]) =>
  values.flatMap((value) => {
    const characters = Array.from(value);
    const start = random(characters.length);
    return [1, 2, 3, 5].map((length) => characters.slice(start, start + length).join('')).filter(Boolean);
  });

test('every text typed finds every order holding it: one, two, three and more characters, any case, wildcards', async () => {
  const created = await WorkOrder.bulkCreate(Array.from({ length: 300 }, () => order()));
  for (let i = 0; i < 20; i++) await WorkOrder.create(order());
  const values = created.slice(0, 100).flatMap((row) => [row.customerName, row.address, row.orderNo]);
  // A long text (more pieces than are looked up): a whole address with a name before it.
  const long = await WorkOrder.create(order({ address: `${'张王李伟芳路号区'.repeat(4)}${created[3].phone}` }));
  const texts = [...sampleTexts(values), 'AB', 'ab', 'Ab', '%', '_', '!', '𠀀', '𠀀张', created[7].phone, long.address];
  await expectIndexFindsEveryMatch(texts);
  // And it narrows: one order's whole phone answers far fewer rows than there are.
  const one = await rowsMayContain(WorkOrder, created[5].phone);
  expect(one).toContain(created[5].id);
  expect(one!.length).toBeLessThan(10);
});

test('updates, updates by a condition, destroys and a rolled-back transaction leave the index exact', async () => {
  const [first, second, third] = await WorkOrder.bulkCreate([
    order({ customerName: '更新前甲', address: '旧地址路一号' }),
    order({ customerName: '更新前乙', address: '旧地址路二号' }),
    order({ customerName: '删除前丙', address: '旧地址路三号' }),
  ]);
  await first.update({ customerName: '更新后甲' });
  await WorkOrder.update({ address: '新地址路二号' }, { where: { id: second.id } });
  await third.destroy();
  await sequelize
    .transaction(async (transaction) => {
      await WorkOrder.create(order({ customerName: '回滚丁' }), { transaction });
      await WorkOrder.update({ customerName: '回滚戊' }, { where: { id: first.id }, transaction });
      throw new Error('rolled back');
    })
    .catch(() => undefined);

  expect(await rowsMayContain(WorkOrder, '更新后甲')).toEqual([first.id]);
  expect(await rowsMayContain(WorkOrder, '更新前甲')).toEqual([]);
  expect(await rowsMayContain(WorkOrder, '新地址路二')).toEqual([second.id]);
  expect(await rowsMayContain(WorkOrder, '旧地址路二')).toEqual([]);
  expect(await rowsMayContain(WorkOrder, '删除前丙')).toEqual([]);
  expect(await rowsMayContain(WorkOrder, '回滚')).toEqual([]);
  // Pieces that differ only by a trailing space are two pieces ('10' ends a number, '10 ' is inside an address).
  const spaced = await WorkOrder.create(order({ customerName: '尾号10', address: '空格路 10 号' }));
  expect(await rowsMayContain(WorkOrder, '10 ')).toContain(spaced.id);
  expect(await rowsMayContain(WorkOrder, '号10')).toEqual([spaced.id]);
  // Writes whose rows the hooks cannot know are refused rather than left out of the index.
  await expect(WorkOrder.bulkCreate([order()], { ignoreDuplicates: true })).rejects.toThrow(/text index/);
  await expect(WorkOrder.upsert(order())).rejects.toThrow(/text index/);
  // An update of columns the index does not hold leaves it as it was.
  await WorkOrder.update({ state: 'archived' }, { where: { id: first.id } });
  expect(await rowsMayContain(WorkOrder, '更新后甲')).toEqual([first.id]);
  await expectIndexFindsEveryMatch(['更新', '地址路', '号', '甲']);
});

test('a text too common to narrow by answers "read the table"; a rare one among them is still narrowed', async () => {
  const rows = Array.from({ length: CANDIDATES_AT_MOST }, (_, n) => ({
    customerNo: `CN-TI-${n}`,
    name: `常见客户${String(n).padStart(5, '0')}`,
    kind: 'residential',
    idNumber: `3101151980010${String(n).padStart(4, '0')}X`,
    phone: `138${String(n).padStart(8, '0')}`,
    address: '上海市浦东新区',
    area: 'SH-PD',
    unitCode: 'SH-PD',
  }));
  for (let from = 0; from < rows.length; from += 1000) await Customer.bulkCreate(rows.slice(from, from + 1000));
  expect(await rowsMayContain(Customer, '常见客户')).toBeUndefined();
  expect(await rowsMayContain(Customer, '常')).toBeUndefined();
  const rare = await Customer.findOne({ where: { customerNo: 'CN-TI-4321' } });
  expect(await rowsMayContain(Customer, '常见客户04321')).toEqual([rare!.id]);
  // A whole ID number typed in lower case finds its customer (the search compares it in upper case).
  expect(await rowsMayContain(Customer, rare!.idNumber.toLowerCase())).toEqual([rare!.id]);
});

test('rows written before the index are indexed at the next start, once', async () => {
  const before = await WorkOrder.create(order({ customerName: '索引前客户' }));
  await sequelize.query(`DELETE FROM ${GRAMS_TABLE}`);
  await AppSetting.destroy({ where: { name: 'text-index-version' } });
  expect(await rowsMayContain(WorkOrder, '索引前客户')).toEqual([]);

  const indexed = await bringTextIndexUpToDate(sequelize);
  expect(indexed).toBeGreaterThanOrEqual(CANDIDATES_AT_MOST + 300);
  expect(await rowsMayContain(WorkOrder, '索引前客户')).toEqual([before.id]);
  expect(await bringTextIndexUpToDate(sequelize)).toBeUndefined();
  await expectIndexFindsEveryMatch(sampleTexts([before.address, before.orderNo]));
});
