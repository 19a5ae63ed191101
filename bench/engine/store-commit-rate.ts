/**
 * How fast the engine's storage commits: durable commits/s with 1 record + 1 state row per commit, and rows/s
 * with batches of 20 and 200 records (~500-byte values) per commit, on SQLite (FULL and NORMAL, temp file) and
 * on MySQL/MariaDB when reachable.
 *
 *   npx tsx bench/engine/store-commit-rate.ts [--duration-ms 3000] [--mysql mysql://root@127.0.0.1:3306/test]
 *
 * MySQL runs in a scratch database `engine_bench_<pid>_<ts>` created on the given server and dropped afterwards.
 * `measureStoreCommitRate` is exported for larger benchmarks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as mysql from 'mysql2/promise';
import type { EngineStorage, RecordRow, StateRow } from '../../engine/storage/engine-storage';
import { createStorage, parseMysqlUrl } from '../../engine/storage/create-storage';

export interface StoreCommitRateOptions {
  /** How long to keep committing, ms. Default 3000. */
  durationMs?: number;
  /** Records per commit. Default 1. */
  recordsPerCommit?: number;
  /** State rows put per commit (upserts over a bounded key space, as live state does). Default 0. */
  statePutsPerCommit?: number;
  /** Size of each row's value, bytes. Default 500. */
  valueBytes?: number;
  /** Distinct state keys the puts cycle through. Default 10,000. */
  stateKeySpace?: number;
}

export interface StoreCommitRate {
  commits: number;
  /** Records + state rows written. */
  rows: number;
  elapsedMs: number;
  commitsPerSec: number;
  rowsPerSec: number;
  /** Mean and 99th percentile latency of one commit, ms. */
  meanCommitMs: number;
  p99CommitMs: number;
}

/** Commits back to back, each awaited (a durable acknowledgement), on an opened storage, for `durationMs`. */
export async function measureStoreCommitRate(
  storage: EngineStorage,
  opts: StoreCommitRateOptions = {},
): Promise<StoreCommitRate> {
  const durationMs = opts.durationMs ?? 3000;
  const recordsPerCommit = opts.recordsPerCommit ?? 1;
  const statePuts = opts.statePutsPerCommit ?? 0;
  const keySpace = opts.stateKeySpace ?? 10_000;
  const filler = 'x'.repeat(Math.max(0, (opts.valueBytes ?? 500) - 40));
  let position = await storage.lastPosition();
  let stateSeq = 0;
  const latencies: number[] = [];
  let rows = 0;
  const start = performance.now();
  const end = start + durationMs;
  let now = start;
  while (now < end) {
    const records: RecordRow[] = [];
    for (let i = 0; i < recordsPerCommit; i++) {
      position++;
      records.push({
        position,
        key: 2251799813685248 + position,
        valueType: 'PROCESS_INSTANCE',
        intent: 'ELEMENT_ACTIVATED',
        recordType: 'EVENT',
        processInstanceKey: 2251799813685248 + (position % 1000),
        timestamp: Date.now(),
        value: `{"position":${position},"pad":"${filler}"}`,
      });
    }
    const puts: StateRow[] = [];
    for (let i = 0; i < statePuts; i++) {
      const k = stateSeq++ % keySpace;
      puts.push({ cf: 'ELEMENT_INSTANCE', key: String(k), value: `{"k":${k},"pad":"${filler}"}` });
    }
    const t0 = performance.now();
    await storage.commit({ records, puts, deletes: [] });
    now = performance.now();
    latencies.push(now - t0);
    rows += records.length + puts.length;
  }
  const elapsedMs = now - start;
  latencies.sort((a, b) => a - b);
  const commits = latencies.length;
  return {
    commits,
    rows,
    elapsedMs,
    commitsPerSec: (commits * 1000) / elapsedMs,
    rowsPerSec: (rows * 1000) / elapsedMs,
    meanCommitMs: latencies.reduce((a, b) => a + b, 0) / Math.max(1, commits),
    p99CommitMs: latencies[Math.min(commits - 1, Math.floor(commits * 0.99))] ?? 0,
  };
}

interface Target {
  name: string;
  /** A fresh, unopened storage on an empty database, and how to dispose of that database. */
  make: () => Promise<{ storage: EngineStorage; dispose: () => Promise<void> }>;
}

const SCENARIOS: { name: string; opts: StoreCommitRateOptions }[] = [
  { name: '1 record + 1 state row', opts: { recordsPerCommit: 1, statePutsPerCommit: 1 } },
  { name: '20 records', opts: { recordsPerCommit: 20 } },
  { name: '200 records', opts: { recordsPerCommit: 200 } },
];

function sqliteTarget(synchronous: 'FULL' | 'NORMAL'): Target {
  return {
    name: `SQLite ${synchronous}`,
    make: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'));
      const storage = createStorage(`sqlite:${path.join(dir, 'engine.db')}`, { sqliteSynchronous: synchronous });
      return { storage, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  };
}

function mysqlTarget(adminUrl: string): Target {
  const admin = parseMysqlUrl(adminUrl);
  return {
    name: `MySQL ${admin.host}:${admin.port}`,
    make: async () => {
      const database = `engine_bench_${process.pid}_${Date.now()}`;
      const conn = await mysql.createConnection({ ...admin, database: undefined, connectTimeout: 3000 });
      await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
      await conn.end();
      const u = new URL(adminUrl);
      u.pathname = `/${database}`;
      return {
        storage: createStorage(u.toString()),
        dispose: async () => {
          const c = await mysql.createConnection({ ...admin, database: undefined });
          await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
          await c.end();
        },
      };
    },
  };
}

async function reachable(adminUrl: string): Promise<string | undefined> {
  try {
    const admin = parseMysqlUrl(adminUrl);
    const conn = await mysql.createConnection({ ...admin, database: undefined, connectTimeout: 2000 });
    await conn.end();
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const durationMs = Number(arg('--duration-ms') ?? 3000);
  const mysqlUrl = arg('--mysql') ?? process.env.ENGINE_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
  const targets = [sqliteTarget('FULL'), sqliteTarget('NORMAL')];
  const why = await reachable(mysqlUrl);
  if (why === undefined) targets.push(mysqlTarget(mysqlUrl));
  else console.log(`MySQL skipped (${why})`);

  console.log(`store commit rate, ${durationMs} ms per figure, ~500-byte values, each commit awaited\n`);
  const header = ['storage', 'scenario', 'commits/s', 'rows/s', 'mean ms', 'p99 ms'];
  const table: string[][] = [];
  for (const target of targets) {
    for (const scenario of SCENARIOS) {
      const { storage, dispose } = await target.make();
      try {
        await storage.open();
        const r = await measureStoreCommitRate(storage, { ...scenario.opts, durationMs });
        table.push([
          target.name,
          scenario.name,
          r.commitsPerSec.toFixed(0),
          r.rowsPerSec.toFixed(0),
          r.meanCommitMs.toFixed(2),
          r.p99CommitMs.toFixed(2),
        ]);
        console.log(table[table.length - 1].join('  '));
      } finally {
        await storage.close();
        await dispose();
      }
    }
  }
  console.log();
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
