import type { EngineStorage, RecordRow } from '../../storage/engine-storage';
import type { QueryDb } from '../query-db';
import { ElementNames, elementNameOf } from './element-names';
import { ProjectionBatch } from './projection-batch';
import { BACKFILLS_TABLE, POSITION_TABLE } from './projection-tables';
import { marks } from './projection-batch';
import type { ProjectionLookups } from './projection-lookups';
import { parseRound, projectRecord, roundNeeds } from './record-projector';
import { errorHashCode } from './error-hash';

/** Records per catch-up read from the log, and at most per export transaction. */
const READ_CHUNK = 2000;
/**
 * How long committed records may wait to be coalesced with the next ones, ms: fewer, larger export transactions
 * take the database write lock (which the engine also needs) less often; searches lag by about this much.
 */
const FLUSH_DELAY_MS = 50;

/**
 * Exports committed records into the projections, after the engine's commit and in transactions of its own: the
 * engine hands over each committed batch (`enqueue`, which only queues) and the exporter writes what has queued a
 * few ms later, many batches in one transaction. It keeps its position in engine_q_position; on start and whenever
 * the queue does not continue where it stands (records committed before start, or while it was down), it reads the
 * missing records from the log first. A failed export is retried from the log; the engine never waits for it.
 */
export class QueryExporter {
  private queue: RecordRow[] = [];
  private exported = 0;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly idleWaiters: Array<() => void> = [];
  private failures = 0;
  private readonly elementNames: ElementNames;
  private backfilled = false;
  /** Whether the log has been read to its end since start (or since a failed export dropped the queue). */
  private caughtUpWithLog = false;

  constructor(
    private readonly db: QueryDb,
    private readonly storage: EngineStorage,
    private readonly lookups: ProjectionLookups,
  ) {
    this.elementNames = new ElementNames(db, lookups);
  }

  /** Reads the exported position and starts catching up with the log in the background. */
  async start(): Promise<void> {
    const rows = await this.db.all(`SELECT position FROM ${POSITION_TABLE} WHERE id = 1`, []);
    this.exported = rows.length ? Number(rows[0].position) : 0;
    this.schedule(0);
  }

  /** The position up to which the projections are written. */
  get position(): number {
    return this.exported;
  }

  /** Called with each committed batch's records, in commit order; cheap, never throws. */
  enqueue(records: RecordRow[]): void {
    if (this.stopped || !records.length) return;
    for (const r of records) this.queue.push(r);
    this.schedule(FLUSH_DELAY_MS);
  }

  /** Resolves when everything queued so far is exported. */
  idle(): Promise<void> {
    if (!this.running && !this.timer && !this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    await this.idle().catch(() => undefined);
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.running || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (this.queue.length) this.schedule(FLUSH_DELAY_MS);
        else for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      if (!this.backfilled) await this.backfill();
      for (;;) {
        while (this.queue.length && this.queue[0].position <= this.exported) this.queue.shift();
        const next = this.queue[0];
        if (next && next.position === this.exported + 1) {
          await this.export(this.queue.splice(0, READ_CHUNK * 5));
          continue;
        }
        // Every committed batch is queued: once the log has been read to its end, an empty queue means done.
        if (!next && this.caughtUpWithLog) return;
        // The queue does not continue where the projections stand: read the gap from the log.
        const limit = next ? Math.min(READ_CHUNK, next.position - this.exported - 1) : READ_CHUNK;
        const rows = await this.storage.readRecords(this.exported, limit);
        if (!rows.length) {
          this.caughtUpWithLog = true;
          return;
        }
        await this.export(rows);
        // SQLite works synchronously: let requests and commands in between catch-up chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // The records stay in the log: drop the queue and read them again after a pause.
      this.queue = [];
      this.caughtUpWithLog = false;
      this.failures++;
      if (this.failures === 1 || this.failures % 100 === 0)
        console.error('query exporter: export failed, retrying from the log', error);
      if (!this.stopped) {
        const retry = setTimeout(() => this.schedule(0), Math.min(5000, 50 * this.failures));
        retry.unref();
      }
    }
  }

  private async export(rows: RecordRow[]): Promise<void> {
    const batch = new ProjectionBatch(this.db.dialect);
    const records = parseRound(rows);
    const needs = roundNeeds(records);
    for (const [key, names] of await this.elementNames.load(needs.elementNames)) batch.elementNames.set(key, names);
    for (let i = 0; i < needs.treePaths.length; i += 500) {
      const keys = needs.treePaths.slice(i, i + 500);
      const rows = await this.db.all(
        `SELECT process_instance_key, tree_path FROM engine_q_process_instances WHERE process_instance_key IN (${marks(keys.length)})`,
        keys,
      );
      for (const r of rows) if (r.tree_path) batch.treePaths.set(Number(r.process_instance_key), String(r.tree_path));
    }
    for (const record of records) projectRecord(batch, record, this.lookups);
    await this.db.transaction(batch.statements());
    this.exported = batch.position;
    this.failures = 0;
  }

  /**
   * Pending one-time work on rows exported before a migration (engine_q_backfills): migration 4 added element
   * names, which rows exported earlier have empty; they get their names (or ids) here, per element, so that a
   * database upgraded with open tasks shows their names. Each statement only touches rows still empty, so an
   * interrupted backfill just runs again on the next start.
   */
  private async backfill(): Promise<void> {
    const pending = new Set((await this.db.all(`SELECT name FROM ${BACKFILLS_TABLE}`, [])).map((r) => String(r.name)));
    if (pending.has('element_names')) {
      for (const table of ['engine_q_element_instances', 'engine_q_user_tasks']) {
        const pairs = await this.db.all(
          `SELECT DISTINCT process_definition_key, element_id FROM ${table} WHERE element_name = ''`,
          [],
        );
        const names = await this.elementNames.load(pairs.map((p) => Number(p.process_definition_key)));
        for (const p of pairs) {
          const definitionKey = Number(p.process_definition_key);
          const elementId = String(p.element_id);
          await this.db.transaction([
            {
              sql:
                `UPDATE ${table} SET element_name = ? ` +
                "WHERE process_definition_key = ? AND element_id = ? AND element_name = ''",
              params: [elementNameOf(names.get(definitionKey), elementId), definitionKey, elementId],
            },
          ]);
        }
      }
      await this.db.transaction([{ sql: `DELETE FROM ${BACKFILLS_TABLE} WHERE name = ?`, params: ['element_names'] }]);
    }
    if (pending.has('incident_error_hashes')) {
      // Migration 7: the hash of each message, per distinct message, for rows exported before the column existed.
      const messages = await this.db.all(
        'SELECT DISTINCT error_message FROM engine_q_incidents WHERE error_hash_code IS NULL',
        [],
      );
      for (const { error_message: message } of messages) {
        await this.db.transaction([
          {
            sql: 'UPDATE engine_q_incidents SET error_hash_code = ? WHERE error_message = ? AND error_hash_code IS NULL',
            params: [errorHashCode(String(message)), String(message)],
          },
        ]);
      }
      await this.db.transaction([
        { sql: `DELETE FROM ${BACKFILLS_TABLE} WHERE name = ?`, params: ['incident_error_hashes'] },
      ]);
    }
    this.backfilled = true;
  }
}
