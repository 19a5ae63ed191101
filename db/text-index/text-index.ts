/**
 * The index the case search finds text by (decision 0068): for each indexed row, the three-character pieces of its
 * names, numbers and addresses (`grams.ts`), in `text_index_grams`. A search by part of a name reads the rows holding
 * the typed text's rarest pieces instead of every row; the caller still matches the text with LIKE, so the index
 * only narrows (it answers rows that may hold the text, never fewer than do).
 *
 * Every write of an indexed table keeps the index in the writer's transaction, through model hooks (create, bulk
 * create, update, bulk update, destroy; an upsert or a bulk insert ignoring duplicates is refused); rows written before the index, or before a change of what it holds, are
 * indexed at start (`bringTextIndexUpToDate`).
 */
import { Op, QueryTypes, type Model, type ModelStatic, type Sequelize, type Transaction } from 'sequelize';
import { Application } from '../business-expansion';
import { ChangeApplication } from '../change-of-use/change-of-use-models';
import { Account, Customer } from '../core/customer-models';
import { AppSetting } from '../core/setting-models';
import { WorkOrder } from '../work-orders';
import { AFTER_EVERY_PIECE, gramQuery, gramsOf } from './grams';

export const GRAMS_TABLE = 'text_index_grams';

interface IndexedTable {
  /** The table's number in the index (kept small: every piece of every row carries it). */
  kind: number;
  model: ModelStatic<Model>;
  /** The attributes the search matches with LIKE or as a whole. */
  attributes: string[];
}

/** What is indexed. Changing it needs a new INDEX_VERSION: the next start indexes every row again. */
const INDEXED: IndexedTable[] = [
  { kind: 1, model: WorkOrder, attributes: ['orderNo', 'customerName', 'address', 'phone'] },
  { kind: 2, model: Application, attributes: ['applicationNo', 'address'] },
  { kind: 3, model: ChangeApplication, attributes: ['applicationNo'] },
  { kind: 4, model: Customer, attributes: ['name', 'phone', 'idNumber', 'customerNo'] },
  { kind: 5, model: Account, attributes: ['address'] },
];
const INDEX_VERSION = '1';
const VERSION_SETTING = 'text-index-version';

/**
 * Rows a search narrows to at most: a text whose rarest piece is in more rows than this is matched by reading the
 * table (reading that many candidates one by one costs as much as reading every row; decision 0068).
 */
export const CANDIDATES_AT_MOST = 5_000;

const indexedOf = (model: ModelStatic<Model>): IndexedTable => {
  const found = INDEXED.find((table) => table.model === model);
  if (!found) throw new Error(`${model.name} is not in the text index`);
  return found;
};

type Options = { transaction?: Transaction | null } | undefined;
type Values = (attribute: string) => string | null | undefined;

const INSERT_ROWS_AT_ONCE = 500;

async function insertGrams(table: IndexedTable, rows: { id: number; values: Values }[], options: Options) {
  const tuples: (number | string)[][] = [];
  for (const row of rows)
    for (const gram of gramsOf(table.attributes.map((attribute) => row.values(attribute))))
      tuples.push([table.kind, gram, row.id]);
  const sequelize = table.model.sequelize!;
  for (let from = 0; from < tuples.length; from += INSERT_ROWS_AT_ONCE) {
    const chunk = tuples.slice(from, from + INSERT_ROWS_AT_ONCE);
    await sequelize.query(
      `INSERT INTO ${GRAMS_TABLE} (kind, gram, row_id) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
      { replacements: chunk.flat(), transaction: options?.transaction ?? undefined },
    );
  }
}

async function deleteGrams(table: IndexedTable, id: number, values: Values, options: Options) {
  const grams = gramsOf(table.attributes.map(values));
  if (grams.length === 0) return;
  await table.model.sequelize!.query(`DELETE FROM ${GRAMS_TABLE} WHERE kind = ? AND row_id = ? AND gram IN (?)`, {
    replacements: [table.kind, id, grams],
    transaction: options?.transaction ?? undefined,
  });
}

const idOf = (instance: Model) => instance.get('id') as number;
const current =
  (instance: Model): Values =>
  (attribute) =>
    instance.get(attribute) as string | null;
/** The values as stored before this write (Sequelize resets them only after the write's hooks). */
const stored =
  (instance: Model): Values =>
  (attribute) =>
    instance.previous(attribute) as string | null;

/** Registers the hooks that keep the index; called once the models are initialised. */
export function indexTextWrites(): void {
  for (const table of INDEXED) {
    const hook = (name: Parameters<ModelStatic<Model>['addHook']>[0], run: (...args: never[]) => unknown) => {
      // Once, however often the models are initialised in one process.
      table.model.removeHook(name, 'text-index');
      table.model.addHook(name, 'text-index', run as never);
    };
    const touchesIndexed = (fields: readonly string[] | undefined) =>
      !fields || fields.some((field) => table.attributes.includes(field));

    hook('afterCreate', (instance: Model, options: Options) =>
      insertGrams(table, [{ id: idOf(instance), values: current(instance) }], options),
    );
    // Writes whose rows the hooks cannot know (an ignored or upserted row's id) are refused, not left unindexed.
    const refused = (what: string) => () => {
      throw new Error(`${table.model.name}: ${what} would leave the case search's text index behind`);
    };
    hook('beforeUpsert', refused('an upsert'));
    hook(
      'beforeBulkCreate',
      (_instances: Model[], options: { updateOnDuplicate?: unknown; ignoreDuplicates?: unknown }) => {
        if (options.updateOnDuplicate || options.ignoreDuplicates)
          refused('a bulk insert ignoring or updating duplicates')();
      },
    );
    hook('afterBulkCreate', (instances: Model[], options: Options) => {
      const missing = instances.find((instance) => idOf(instance) == null);
      if (missing) throw new Error(`${table.model.name}: a bulk insert without ids cannot be indexed`);
      return insertGrams(
        table,
        instances.map((instance) => ({ id: idOf(instance), values: current(instance) })),
        options,
      );
    });
    hook('afterUpdate', async (instance: Model, options: Options & { fields?: string[] }) => {
      const changed = instance.changed();
      if (!changed || !table.attributes.some((attribute) => changed.includes(attribute))) return;
      await deleteGrams(table, idOf(instance), stored(instance), options);
      await insertGrams(table, [{ id: idOf(instance), values: current(instance) }], options);
    });
    // A bulk update or destroy of indexed rows runs row by row, so the rows' pieces are known.
    hook('beforeBulkUpdate', (options: { fields?: string[]; individualHooks?: boolean }) => {
      if (touchesIndexed(options.fields)) options.individualHooks = true;
    });
    hook('beforeBulkDestroy', (options: { individualHooks?: boolean }) => {
      options.individualHooks = true;
    });
    hook('afterDestroy', (instance: Model, options: Options) =>
      deleteGrams(table, idOf(instance), stored(instance), options),
    );
  }
}

/**
 * The ids of `model`'s rows whose indexed values may contain `text` (a superset: match the text itself too), or
 * undefined when the text is too common to narrow by (more than CANDIDATES_AT_MOST rows hold its rarest piece).
 */
export async function rowsMayContain(model: ModelStatic<Model>, text: string): Promise<number[] | undefined> {
  const { kind } = indexedOf(model);
  const sequelize = model.sequelize!;
  const ids = (rows: { row_id: number }[]) => rows.map((row) => Number(row.row_id));
  const query = gramQuery(text);
  if (query.kind === 'prefix') {
    const rows = await sequelize.query<{ row_id: number }>(
      `SELECT DISTINCT row_id FROM ${GRAMS_TABLE} WHERE kind = ? AND gram >= ? AND gram < ? LIMIT ${CANDIDATES_AT_MOST}`,
      { replacements: [kind, query.prefix, query.prefix + AFTER_EVERY_PIECE], type: QueryTypes.SELECT },
    );
    return rows.length < CANDIDATES_AT_MOST ? ids(rows) : undefined;
  }
  // How many rows hold each piece, counted up to the limit, in one statement.
  const counts = await sequelize.query<{ piece: number; rowCount: number }>(
    query.grams
      .map(
        (_, i) =>
          `SELECT ${i} AS piece, COUNT(*) AS rowCount FROM (SELECT 1 AS one FROM ${GRAMS_TABLE} ` +
          `WHERE kind = ? AND gram = ? LIMIT ${CANDIDATES_AT_MOST}) AS piece${i}`,
      )
      .join(' UNION ALL '),
    { replacements: query.grams.flatMap((gram) => [kind, gram]), type: QueryTypes.SELECT },
  );
  const byRarity = [...counts].sort((a, b) => Number(a.rowCount) - Number(b.rowCount));
  const rarest = byRarity[0];
  if (Number(rarest.rowCount) >= CANDIDATES_AT_MOST) return undefined;
  if (Number(rarest.rowCount) === 0) return [];
  // The rarest piece's rows, kept where they hold every other piece too (each a lookup by the primary key).
  const others = byRarity.slice(1).map((count) => query.grams[Number(count.piece)]);
  const rows = await sequelize.query<{ row_id: number }>(
    `SELECT r.row_id FROM ${GRAMS_TABLE} r WHERE r.kind = ? AND r.gram = ?` +
      others
        .map(
          () => ` AND EXISTS (SELECT 1 FROM ${GRAMS_TABLE} o WHERE o.kind = ? AND o.gram = ? AND o.row_id = r.row_id)`,
        )
        .join(''),
    {
      replacements: [kind, query.grams[Number(rarest.piece)], ...others.flatMap((gram) => [kind, gram])],
      type: QueryTypes.SELECT,
    },
  );
  return ids(rows);
}

const REBUILD_BATCH = 2_000;

/**
 * Indexes every row again when the index's version is not this code's (a database older than the index, or a change
 * of what it holds), in one transaction. Answers how many rows it indexed, or undefined when the index was current.
 */
export async function bringTextIndexUpToDate(
  sequelize: Sequelize,
  /** Told after each table with rows, for a long first indexing: the table's rows indexed. */
  progress: (table: string, rows: number) => void = () => {},
): Promise<number | undefined> {
  const version = await AppSetting.findByPk(VERSION_SETTING);
  if (version && JSON.parse(version.value) === INDEX_VERSION) return undefined;
  return sequelize.transaction(async (transaction) => {
    await sequelize.query(`DELETE FROM ${GRAMS_TABLE}`, { transaction });
    let indexed = 0;
    for (const table of INDEXED) {
      const before = indexed;
      for (let after = 0; ;) {
        const rows = (await table.model.findAll({
          attributes: ['id', ...table.attributes],
          where: { id: { [Op.gt]: after } },
          order: [['id', 'ASC']],
          limit: REBUILD_BATCH,
          raw: true,
          transaction,
        })) as unknown as Record<string, string | null>[];
        if (rows.length === 0) break;
        await insertGrams(
          table,
          rows.map((row) => ({ id: Number(row.id), values: (attribute) => row[attribute] })),
          { transaction },
        );
        indexed += rows.length;
        after = Number(rows[rows.length - 1].id);
      }
      if (indexed > before) progress(table.model.getTableName() as string, indexed - before);
    }
    await AppSetting.upsert({ name: VERSION_SETTING, value: JSON.stringify(INDEX_VERSION) }, { transaction });
    return indexed;
  });
}
