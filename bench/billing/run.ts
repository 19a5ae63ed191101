/**
 * `npm run bench:billing [-- sqlite|mariadb] [--accounts N]`: a billing run over 100,000 accounts with 300,000
 * readings, durable (each chunk of bills committed), then the import of a 300,000-row reading file with its progress.
 * Prints time, bills per second and peak memory (RSS). Without a database named it runs SQLite, then MariaDB
 * (ENGINE_TEST_MYSQL_URL or root@127.0.0.1:3306) when reachable, each in a process of its own so each peak is its own.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { createConnection } from 'mysql2/promise';
import { createSequelize } from '../../db/database';
import { openDatabase } from '../../db/migrator';
import { BillingRun } from '../../db/billing/run-models';
import { ReadingImport } from '../../db/billing/reading-models';
import { computeBills, importReadingFile, periodsBefore, shiftPeriod } from '../../domain/billing';
import { seedBillingReference } from '../../platform/seed/billing-reference';
import { seedSection } from './seed-accounts';

const PERIOD = '2026-11';
const args = process.argv.slice(2);
const accountsArg = args.indexOf('--accounts');
const ACCOUNTS = accountsArg >= 0 ? Number(args[accountsArg + 1]) : 100_000;
const MYSQL_SERVER = (process.env.ENGINE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function databaseUrl(kind: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-billing-'));
    return { url: `sqlite:${join(dir, 'app.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `bench_billing_${process.pid}`;
  const connection = await createConnection(MYSQL_SERVER);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await connection.end();
  return {
    url: `${MYSQL_SERVER}/${name}`,
    drop: async () => {
      const again = await createConnection(MYSQL_SERVER);
      await again.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await again.end();
    },
  };
}

/** The collection system's file for the next month: three registers per account, written as a stream. */
async function writeReadingFile(path: string, period: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('account,meter,register,reading,time\n');
  for (let id = 1; id <= ACCOUNTS; id += 1) {
    const lines = ['total', 'peak', 'valley']
      .map(
        (register, index) =>
          `BA${id},BM${id},${register},${5_000 + (id % 1_000) + index},${period}-25T09:00:00+08:00\n`,
      )
      .join('');
    if (!out.write(lines)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function benchOne(kind: string): Promise<void> {
  const sampler = setInterval(sampleRss, 50);
  const { url, drop } = await databaseUrl(kind);
  const sequelize = createSequelize(url);
  try {
    await openDatabase(sequelize);
    await seedBillingReference();
    let started = performance.now();
    const sectionId = await seedSection(sequelize, ACCOUNTS, PERIOD, periodsBefore(PERIOD, 2).reverse());
    console.log(
      `[${kind}] seeded ${ACCOUNTS} accounts, ${ACCOUNTS * 3} readings in ${seconds(performance.now() - started)}`,
    );

    const run = await BillingRun.create({
      runNo: `CB${PERIOD.replace('-', '')}-BENCH`,
      sectionId,
      period: PERIOD,
      startedBy: 'bench',
    });
    peakRss = 0;
    sampleRss();
    started = performance.now();
    const outcome = await computeBills(sequelize, run, {
      onChunk: (done) => {
        if (done % 20_000 === 0) console.log(`[${kind}]   … ${done} bills`);
      },
    });
    const elapsed = performance.now() - started;
    sampleRss();
    console.log(
      `[${kind}] billing run: ${outcome.billsDone} bills (${outcome.unbillable} unbillable) in ${seconds(elapsed)} → ` +
        `${Math.round(outcome.billsDone / (elapsed / 1000))} bills/s; peak RSS ${mb(peakRss)}`,
    );

    const dir = mkdtempSync(join(tmpdir(), 'bench-readings-'));
    const file = join(dir, 'readings.csv');
    const next = shiftPeriod(PERIOD, 1);
    await writeReadingFile(file, next);
    peakRss = 0;
    started = performance.now();
    const progress = setInterval(async () => {
      const record = await ReadingImport.findOne({ order: [['id', 'DESC']] });
      if (record) console.log(`[${kind}]   import progress: ${record.rowsDone} of ${record.totalRows} rows`);
    }, 2_000);
    const record = await importReadingFile(sequelize, {
      path: file,
      fileName: 'readings.csv',
      period: next,
      actor: 'bench',
    });
    clearInterval(progress);
    const importMs = performance.now() - started;
    rmSync(dir, { recursive: true, force: true });
    console.log(
      `[${kind}] reading import: ${record.rowsDone} rows (${record.rowsSaved} saved, ${record.rowsBad} bad) in ${seconds(importMs)} → ` +
        `${Math.round(record.rowsDone / (importMs / 1000))} rows/s; peak RSS ${mb(peakRss)}`,
    );
  } finally {
    clearInterval(sampler);
    await sequelize.close();
    await drop();
  }
}

async function mariadbReachable(): Promise<boolean> {
  try {
    await (await createConnection(MYSQL_SERVER)).end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const kind = args.find((arg) => arg === 'sqlite' || arg === 'mariadb');
  if (kind) return benchOne(kind);
  console.log(
    `load average before: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  const kinds = ['sqlite', ...((await mariadbReachable()) ? ['mariadb'] : [])];
  for (const each of kinds) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, each, ...args], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
  }
}

process.env.LOG_LEVEL ??= 'silent';
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
