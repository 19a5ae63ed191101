/**
 * Reference data read on every request (roles and their permissions, the units tree, the business calendar) kept in
 * each process while it is unchanged (decision 0067). Every write to those tables, whatever the path (an
 * administrator's change, a seed, an upsert, a bulk write), gives the data a new version in `app_settings`, in the
 * writer's own transaction; a reader asks the version, one row, and loads the data again only when it moved. So an
 * administrator's change applies at once in every process, as when each request read the tables, at the cost of one
 * small read instead of several.
 */
import { randomUUID } from 'node:crypto';
import { QueryTypes, type Model, type ModelStatic, type Sequelize, type Transaction } from 'sequelize';
import { CalendarDay, CalendarYear } from '../time-limits/time-limit-models';
import { AppSetting } from './setting-models';
import { Group, Role } from './user-models';

const VERSION_SETTING = 'reference-data-version';

/** The tables whose rows the processes keep: a write to any of them moves the version. */
const REFERENCE_MODELS: ModelStatic<Model>[] = [Role, Group, CalendarDay, CalendarYear];

const WRITE_HOOKS = [
  'afterCreate',
  'afterUpdate',
  'afterDestroy',
  'afterUpsert',
  'afterBulkCreate',
  'afterBulkUpdate',
  'afterBulkDestroy',
] as const;

async function moveVersion(options: { transaction?: Transaction | null } | undefined): Promise<void> {
  await AppSetting.upsert(
    { name: VERSION_SETTING, value: JSON.stringify(randomUUID()) },
    { transaction: options?.transaction ?? undefined },
  );
}

/** Registers the hooks; called once the models are initialised. */
export function versionReferenceWrites(): void {
  for (const model of REFERENCE_MODELS)
    for (const hook of WRITE_HOOKS) {
      // Once, however often the models are initialised in one process.
      model.removeHook(hook, 'reference-data-version');
      // The hooks' last argument is the write's options (with its transaction) for every kind of write.
      model.addHook(hook, 'reference-data-version', (...args: unknown[]) =>
        moveVersion(args[args.length - 1] as { transaction?: Transaction | null }),
      );
    }
}

/**
 * The current version (empty before the first write). Read as plain SQL: through a model, SQLite would also be asked
 * for the table's columns on every read.
 */
export async function referenceVersion(sequelize: Sequelize): Promise<string> {
  const rows = await sequelize.query<{ value: string }>('SELECT value FROM app_settings WHERE name = ?', {
    replacements: [VERSION_SETTING],
    type: QueryTypes.SELECT,
  });
  return rows[0]?.value ?? '';
}

interface Kept {
  version: string;
  data: Promise<unknown>;
}

const kept = new Map<string, Kept>();

/**
 * `load`'s answer, loaded again only when the reference data's version has moved since it was loaded. Callers share
 * the answer: they must not change it.
 */
export async function referenceData<T>(name: string, load: () => Promise<T>): Promise<T> {
  const version = await referenceVersion(AppSetting.sequelize!);
  const found = kept.get(name);
  if (found && found.version === version) return found.data as Promise<T>;
  const data = load();
  kept.set(name, { version, data });
  data.catch(() => {
    if (kept.get(name)?.data === data) kept.delete(name);
  });
  return data;
}
