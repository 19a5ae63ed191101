/**
 * Case numbers: `<prefix><yyyymmdd>-<nnnn>` in China time, e.g. YK20261008-0001 (业扩), BG… (变更), GD… (工单).
 * The counter row of the prefix and day is created or bumped by one atomic upsert inside the caller's transaction
 * (or one of its own), then read back: two submissions never get the same number, and two first numbers of a day
 * do not deadlock on MariaDB as a read-then-insert would.
 */
import { QueryTypes, type Transaction } from 'sequelize';
import { NumberSequence } from '../../db/core/sequence-models';
import { appClock } from '../../lib/clock/app-clock';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

const BUMP = {
  mysql:
    'INSERT INTO number_sequences (prefix, day, `last`) VALUES (:prefix, :day, 1) ON DUPLICATE KEY UPDATE `last` = `last` + 1',
  sqlite:
    'INSERT INTO number_sequences (prefix, day, `last`) VALUES (:prefix, :day, 1) ON CONFLICT (prefix, day) DO UPDATE SET `last` = `last` + 1',
};

export async function nextNumber(prefix: string, transaction?: Transaction): Promise<string> {
  const sequelize = NumberSequence.sequelize!;
  const run = async (t: Transaction): Promise<string> => {
    const day = chinaDay(appClock.now());
    const replacements = { prefix, day };
    await sequelize.query(BUMP[sequelize.getDialect() as keyof typeof BUMP], { replacements, transaction: t });
    const [row] = await sequelize.query<{ last: number }>(
      'SELECT `last` FROM number_sequences WHERE prefix = :prefix AND day = :day',
      { replacements, transaction: t, type: QueryTypes.SELECT },
    );
    return `${prefix}${day}-${String(row.last).padStart(4, '0')}`;
  };
  return transaction ? run(transaction) : sequelize.transaction(run);
}
