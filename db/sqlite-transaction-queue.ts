/**
 * SQLite has one writer at a time. Managed transactions of this process start one after another: left to race,
 * each waiting BEGIN IMMEDIATE holds one of Node's few background threads for the whole busy timeout, until the
 * transaction holding the lock cannot get a thread to finish and everyone waits ten seconds. Other processes on
 * the same file are still handled by the busy timeout. A transaction started inside another one is not queued
 * (it would wait for itself); on SQLite it fails with SQLITE_BUSY as before, naming the mistake.
 */
import type { Sequelize } from 'sequelize';
import { insideTransaction } from './transaction-context';

export function queueSqliteTransactions(sequelize: Sequelize): void {
  const begin = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  let last: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): Promise<unknown> => {
    const managed = args.some((arg) => typeof arg === 'function');
    if (!managed || insideTransaction()) return begin(...args);
    const turn = last.then(() => begin(...args));
    last = turn.catch(() => undefined);
    return turn;
  };
  sequelize.transaction = queued as Sequelize['transaction'];
}
