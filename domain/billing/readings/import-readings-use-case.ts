/**
 * Importing a reading file from the data-collection system (采集). The file is read as a stream, line by line, in
 * batches: 300,000 lines are never one string. Each batch's account and meter numbers are resolved in one query
 * each, its good rows saved in one upsert (a file imported twice updates the same readings, never adds), and the
 * import's progress (rows done of the total, counted first) written after each batch, so the API can show it
 * while the import runs. A bad line is counted and reported with its line number; the others are saved.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Sequelize } from 'sequelize';
import { MeterReading, ReadingImport } from '../../../db/billing/reading-models';
import { appClock } from '../../../lib/clock/app-clock';
import { accountIdsByNo, metersByAssetNo } from './meter-directory';
import { parseReadingLine, type ReadingRow } from './reading-row';

const BATCH = 2_000;
/** Bad lines kept with their message; the count has them all. */
const ERRORS_KEPT = 200;

type LineError = { line: number; message: string };

/** Data lines in a file (header and blank lines included: the progress total is an upper bound until the end). */
export async function countLines(path: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) lines += 1;
    if (bytes.length > 0) last = bytes[bytes.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}

async function saveBatch(
  sequelize: Sequelize,
  rows: ReadingRow[],
  record: ReadingImport,
  report: (error: LineError) => void,
) {
  const accounts = await accountIdsByNo([...new Set(rows.map((row) => row.accountNo))]);
  const meters = await metersByAssetNo(sequelize, [...new Set(rows.map((row) => row.assetNo))]);
  const good = [];
  for (const row of rows) {
    const accountId = accounts.get(row.accountNo);
    const meter = meters.get(row.assetNo);
    if (accountId === undefined)
      report({ line: row.line, message: `户号 ${row.accountNo} 不存在 / no account ${row.accountNo}` });
    else if (!meter) report({ line: row.line, message: `表号 ${row.assetNo} 不存在 / no meter ${row.assetNo}` });
    else if (meter.accountId !== accountId)
      report({
        line: row.line,
        message: `表 ${row.assetNo} 不属于户 ${row.accountNo} / meter ${row.assetNo} is not the account's`,
      });
    else
      good.push({
        accountId,
        meterId: meter.meterId,
        register: row.register,
        period: record.period,
        value: row.value,
        readAt: row.readAt,
        source: 'import' as const,
        recordedBy: record.createdBy,
        recordedAt: appClock.now(),
        importId: record.id,
        reason: null,
      });
  }
  if (good.length > 0)
    await MeterReading.bulkCreate(good, {
      conflictAttributes: ['accountId', 'meterId', 'register', 'period'],
      updateOnDuplicate: ['value', 'readAt', 'source', 'recordedBy', 'recordedAt', 'importId', 'reason'],
    });
  return good.length;
}

export interface ImportInput {
  path: string;
  fileName: string;
  period: string;
  actor: string;
}

/** Creates the import's record (its total counted) and answers it; `runImport` then does the work. */
export async function createReadingImport(input: ImportInput): Promise<ReadingImport> {
  const totalRows = await countLines(input.path);
  return ReadingImport.create({ period: input.period, fileName: input.fileName, createdBy: input.actor, totalRows });
}

export async function runImport(sequelize: Sequelize, record: ReadingImport, path: string): Promise<ReadingImport> {
  const errors: LineError[] = [];
  let batch: ReadingRow[] = [];
  let rowsDone = 0;
  let rowsSaved = 0;
  let rowsBad = 0;
  const report = (error: LineError) => {
    rowsBad += 1;
    if (errors.length < ERRORS_KEPT) errors.push(error);
  };
  const flush = async () => {
    rowsSaved += await saveBatch(sequelize, batch, record, report);
    batch = [];
    await record.update({ rowsDone, rowsSaved, rowsBad, errors: [...errors] });
  };
  try {
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
      line += 1;
      rowsDone += 1;
      const parsed = parseReadingLine(text, line);
      if ('row' in parsed) batch.push(parsed.row);
      else if ('error' in parsed) report(parsed.error);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await record.update({ status: 'done', totalRows: rowsDone, finishedAt: appClock.now() });
  } catch (error) {
    const stopped = { line: rowsDone, message: `导入中断 / import stopped: ${String(error)}` };
    await record.update({ status: 'failed', errors: [...errors, stopped], finishedAt: appClock.now() });
  }
  return record;
}

/** Imports a whole file and answers the finished record (the bench and tests; the API runs `runImport` behind). */
export async function importReadingFile(sequelize: Sequelize, input: ImportInput): Promise<ReadingImport> {
  return runImport(sequelize, await createReadingImport(input), input.path);
}
