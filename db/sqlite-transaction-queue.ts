/**
 * SQLite has one writer at a time. The transactions of this process take turns: left to race, each waiting
 * BEGIN IMMEDIATE holds one of Node's four background threads for the whole busy timeout — and every statement,
 * reads included, needs such a thread — until the transaction holding the lock cannot finish and the process stops
 * answering. Both kinds take a turn: managed ones (`transaction(async t => …)`) for their callback, unmanaged ones
 * (sequelize's own, e.g. findOrCreate) until they commit or roll back. Savepoints and transactions started inside a
 * managed one run in their parent's turn. Other processes on the same file are still handled by the busy timeout.
 */
import type { Sequelize, Transaction } from 'sequelize';
import { insideTransaction } from './transaction-context';

/** A first-come, first-served lock: `take()` resolves with the function that hands the turn on. */
class Turns {
  private tail: Promise<void> = Promise.resolve();

  async take(): Promise<() => void> {
    let handOn!: () => void;
    const mine = new Promise<void>((resolve) => (handOn = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    await before;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      handOn();
    };
  }
}

type Cleanup = { cleanup(): void; forceCleanup(): Promise<void> };

/** Hands the turn on when an unmanaged transaction ends, whichever way it ends. */
function releaseWhenFinished(transaction: Transaction, release: () => void): Transaction {
  const ending = transaction as unknown as Cleanup;
  const cleanup = ending.cleanup.bind(transaction);
  const forceCleanup = ending.forceCleanup.bind(transaction);
  ending.cleanup = () => {
    cleanup();
    release();
  };
  ending.forceCleanup = async () => {
    try {
      await forceCleanup();
    } finally {
      release();
    }
  };
  return transaction;
}

export function queueSqliteTransactions(sequelize: Sequelize): void {
  const begin = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  const turns = new Turns();
  const queued = async (...args: unknown[]): Promise<unknown> => {
    const options = args.find((arg) => typeof arg === 'object' && arg !== null) as
      { transaction?: unknown } | undefined;
    if (options?.transaction || insideTransaction()) return begin(...args);
    const release = await turns.take();
    const managed = args.some((arg) => typeof arg === 'function');
    try {
      if (managed) return await begin(...args);
      return releaseWhenFinished((await begin(...args)) as Transaction, release);
    } catch (error) {
      release();
      throw error;
    } finally {
      if (managed) release();
    }
  };
  sequelize.transaction = queued as Sequelize['transaction'];
}
