/**
 * Runs SQLite write transactions on a worker thread. better-sqlite3 is synchronous, so a commit on the main thread
 * blocks the event loop for the whole fsync; on a thread, the engine keeps receiving requests meanwhile, and they
 * form the next (larger) batch. Statements arrive as SQL with parameters, in order, each message one transaction.
 */
import { Worker } from 'node:worker_threads';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

// Plain CommonJS, evaluated in the thread: it needs no TypeScript loader (tests run it under jest too).
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.synchronous);
const prepared = new Map();
const transaction = db.transaction((statements) => {
  for (const { sql, params } of statements) {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
    statement.run(params);
  }
});
parentPort.on('message', ({ id, statements }) => {
  if (!statements) {
    db.close();
    parentPort.postMessage({ id });
    return;
  }
  try {
    transaction(statements);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error), code: error && error.code });
  }
});
`;

export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(options: { filename: string; synchronous: string; busyTimeoutMs: number }) {
    this.worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { ...options, driver: require.resolve('better-sqlite3') },
    });
    this.worker.on('message', ({ id, error, code }: { id: number; error?: string; code?: string }) => {
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      // The driver's code (e.g. SQLITE_FULL) goes with the message: the stream processor tells a full disk by it.
      if (error) waiter?.reject(Object.assign(new Error(error), code ? { code } : {}));
      else waiter?.resolve();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`SQLite writer thread exited (code ${code})`)));
  }

  /** Runs the statements in one transaction; resolves once it is committed. */
  run(statements: SqlStatement[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, statements });
    });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await new Promise<void>((resolve, reject) => {
      const id = ++this.nextId;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id });
    });
    this.failure = new Error('SQLite writer thread is closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
