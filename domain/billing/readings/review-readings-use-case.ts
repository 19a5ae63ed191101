/**
 * The reading review of a run: every account of the section is checked by the anomaly rules in force on the
 * period's first day (for the account's category), a chunk of accounts at a time, and each anomaly found is saved
 * once (a review run twice finds the same rows). Answers the run's open anomalies, each to become a person's task.
 */
import type { Sequelize } from 'sequelize';
import { Account } from '../../../db/core/customer-models';
import { ReadingAnomaly, type BillingRun } from '../../../db/billing/run-models';
import { RuleBook } from '../rules';
import { sectionAccountIds } from './sections-use-case';
import { READING_ANOMALY_RULES, findAnomalies, type AccountReadingFacts } from './anomaly-rules';
import { periodsBefore } from './billing-period';
import { readingsOf, type PeriodReading } from './period-readings';

const CHUNK = 1_000;

/** A past month's use on one meter: known only when both its reading and the month before's are there. */
function monthUse(totals: PeriodReading[], meterId: number | undefined, month: string, before: string) {
  const end = totals.find((reading) => reading.period === month && reading.meterId === meterId);
  const start = totals.find((reading) => reading.period === before && reading.meterId === meterId);
  return end && start ? end.value - start.value : undefined;
}

export function readingFacts(accountId: number, readings: PeriodReading[], periods: string[]): AccountReadingFacts {
  const totals = readings.filter((reading) => reading.register === 'total');
  const [period, previous] = periods;
  const now = totals.filter((reading) => reading.period === period).sort((a, b) => b.meterId - a.meterId);
  const before = totals.filter((reading) => reading.period === previous);
  const current = now[0] ? { meterId: now[0].meterId, value: now[0].value, source: now[0].source } : null;
  return {
    accountId,
    current,
    previousValue: before.find((reading) => reading.meterId === current?.meterId)?.value ?? null,
    metersNow: now.map((reading) => reading.meterId),
    metersBefore: before.map((reading) => reading.meterId),
    history: periods.slice(1, -1).map((month, index) => monthUse(totals, current?.meterId, month, periods[index + 2])),
  };
}

export interface OpenAnomaly {
  anomalyId: number;
  accountId: number;
  accountNo: string;
  rule: string;
  role: string;
  detail: Record<string, unknown>;
}

export async function reviewReadings(sequelize: Sequelize, run: BillingRun): Promise<OpenAnomaly[]> {
  const book = await RuleBook.load([READING_ANOMALY_RULES]);
  const day = `${run.period}-01`;
  const accountIds = await sectionAccountIds(run.sectionId);
  for (let start = 0; start < accountIds.length; start += CHUNK) {
    const chunk = accountIds.slice(start, start + CHUNK);
    const categories = await Account.findAll({ where: { id: chunk }, attributes: ['id', 'category'], raw: true });
    const rules = new Map(
      [...new Set(categories.map((account) => account.category))].map((category) => [
        category,
        book.inForce(READING_ANOMALY_RULES, category, day).body,
      ]),
    );
    const longest = Math.max(...[...rules.values()].map((body) => body.averageMonths));
    const periods = [run.period, ...periodsBefore(run.period, longest + 1)];
    const readings = await readingsOf(sequelize, chunk, periods);
    const found = categories.flatMap((account) =>
      findAnomalies(readingFacts(account.id, readings.get(account.id) ?? [], periods), rules.get(account.category)!),
    );
    await ReadingAnomaly.bulkCreate(
      found.map((anomaly) => ({ ...anomaly, runId: run.id })),
      { ignoreDuplicates: true },
    );
  }
  return openAnomalies(run.id);
}

export async function openAnomalies(runId: number): Promise<OpenAnomaly[]> {
  const open = await ReadingAnomaly.findAll({ where: { runId, status: 'open' }, order: [['id', 'ASC']] });
  const accounts = await Account.findAll({
    where: { id: open.map((row) => row.accountId) },
    attributes: ['id', 'accountNo'],
    raw: true,
  });
  const numbers = new Map(accounts.map((account) => [account.id, account.accountNo]));
  return open.map((row) => ({
    anomalyId: row.id,
    accountId: row.accountId,
    accountNo: numbers.get(row.accountId) ?? String(row.accountId),
    rule: row.rule,
    role: row.role,
    detail: row.detail,
  }));
}
