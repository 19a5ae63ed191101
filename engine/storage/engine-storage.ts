/**
 * The engine's durable storage. The engine keeps its live state in memory and writes, per processed batch of
 * commands, one transaction holding the batch's records (the event log) and the state rows it changed. On start
 * it loads the state rows back; records are never needed to rebuild state, only for audit and monitoring.
 */

/** One event of the log. `value` is the record's JSON; keys are 64-bit integers that fit in a JS number. */
export interface RecordRow {
  position: number;
  key: number;
  /** e.g. PROCESS_INSTANCE, JOB, INCIDENT, DEPLOYMENT, VARIABLE, PROCESS */
  valueType: string;
  /** e.g. ELEMENT_ACTIVATED, CREATED */
  intent: string;
  /** EVENT or COMMAND_REJECTION */
  recordType: string;
  processInstanceKey: number | null;
  /** epoch ms, the engine clock */
  timestamp: number;
  value: string;
}

/** A row of live state: a column family (entity kind), a key within it and the entity as JSON. */
export interface StateRow {
  cf: string;
  key: string;
  value: string;
}

export interface StateKey {
  cf: string;
  key: string;
}

export interface CommitBatch {
  records: RecordRow[];
  puts: StateRow[];
  deletes: StateKey[];
}

export interface EngineStorage {
  readonly kind: 'sqlite' | 'mysql';
  /** Connects and runs pending migrations. */
  open(): Promise<void>;
  loadState(): Promise<StateRow[]>;
  /** The highest record position written, 0 when none. */
  lastPosition(): Promise<number>;
  /** Writes the batch in one transaction; resolves once it is durable. */
  commit(batch: CommitBatch): Promise<void>;
  /** Records in position order, starting after `afterPosition`. */
  readRecords(afterPosition: number, limit: number): Promise<RecordRow[]>;
  close(): Promise<void>;
}
