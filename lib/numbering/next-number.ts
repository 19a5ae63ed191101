/**
 * Case numbers: `<prefix><yyyymmdd>-<nnnn>` in China time, e.g. YK20261008-0001 (业扩), BG… (变更), GD… (工单).
 * The counter row is read and bumped inside the caller's transaction (or one of its own), so two submissions never
 * get the same number.
 */
import type { Transaction } from 'sequelize';
import { NumberSequence } from '../../db/core/sequence-models';
import { appClock } from '../clock/app-clock';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

export async function nextNumber(prefix: string, transaction?: Transaction): Promise<string> {
  const sequelize = NumberSequence.sequelize!;
  const run = async (t: Transaction): Promise<string> => {
    const day = chinaDay(appClock.now());
    const row = await NumberSequence.findOne({ where: { prefix, day }, transaction: t, lock: t.LOCK.UPDATE });
    const last = (row?.last ?? 0) + 1;
    if (row) await row.update({ last }, { transaction: t });
    else await NumberSequence.create({ prefix, day, last }, { transaction: t });
    return `${prefix}${day}-${String(last).padStart(4, '0')}`;
  };
  return transaction ? run(transaction) : sequelize.transaction(run);
}
