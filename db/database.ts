/**
 * The application's own database (not the engine's): SQLite by default, MySQL/MariaDB by URL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Sequelize, Transaction } from 'sequelize';
import sqlite3 from 'sqlite3';
import { appClockTimestampHooks } from './app-clock-timestamps';
import { queueSqliteTransactions } from './sqlite-transaction-queue';
import './transaction-context';

const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Sequelize opens one SQLite connection per transaction, and API, workers and seeds write at the same time: every
 * connection waits for a busy database (instead of failing at once) and uses WAL so readers never block writers.
 */
class WaitingDatabase extends sqlite3.Database {
  constructor(file: string, mode: number, callback: (error: Error | null) => void) {
    super(file, mode, (error) => {
      if (!error) {
        this.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
        this.run('PRAGMA journal_mode=WAL');
      }
      callback(error);
    });
  }
}

export function createSequelize(url: string): Sequelize {
  const common = { logging: false as const, define: { underscored: true }, hooks: appClockTimestampHooks };
  if (url.startsWith('sqlite:')) {
    const storage = url.slice('sqlite:'.length) || ':memory:';
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    const sequelize = new Sequelize({
      ...common,
      dialect: 'sqlite',
      storage,
      dialectModule: { ...sqlite3, Database: WaitingDatabase },
      // A deferred transaction that reads first and writes later fails with SQLITE_BUSY when another writer got in
      // between; an immediate one takes the write lock at BEGIN and waits for it.
      transactionType: Transaction.TYPES.IMMEDIATE,
    });
    queueSqliteTransactions(sequelize);
    return sequelize;
  }
  return new Sequelize(url.replace(/^mariadb:/, 'mysql:'), {
    ...common,
    dialect: 'mysql',
    dialectOptions: { charset: 'utf8mb4' },
    timezone: '+00:00',
  });
}
