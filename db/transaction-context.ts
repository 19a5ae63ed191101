/**
 * Transactions that follow the code that runs inside them (sequelize's CLS, here on Node's AsyncLocalStorage): a
 * query inside `sequelize.transaction(async () => …)` runs in that transaction even when the caller forgot to pass
 * it. On SQLite such a forgotten query would otherwise run on the shared connection, wait behind a writer that
 * waits for this very transaction's lock, and fail both after the busy timeout.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Sequelize } from 'sequelize';

class AsyncLocalNamespace {
  private readonly storage = new AsyncLocalStorage<Map<string, unknown>>();

  run(callback: (context: Map<string, unknown>) => unknown): unknown {
    const context = new Map(this.storage.getStore());
    return this.storage.run(context, () => callback(context));
  }

  get(key: string): unknown {
    return this.storage.getStore()?.get(key);
  }

  set(key: string, value: unknown): unknown {
    this.storage.getStore()?.set(key, value);
    return value;
  }

  bind<T>(callback: T): T {
    return callback;
  }
}

const namespace = new AsyncLocalNamespace();
Sequelize.useCLS(namespace);

/** Whether the caller runs inside a managed transaction. */
export const insideTransaction = (): boolean => Boolean(namespace.get('transaction'));
