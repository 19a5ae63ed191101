/**
 * The billing-run screens' reads (抄表核算): runs paged, each with its counts (accounts, readings, anomalies open,
 * bills, flagged, issued, total amount); a run's bills paged with the flagged ones first and why; a run's anomalies
 * paged with the account number, this month's reading and the open task of each.
 */
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { MeterReading, ReadingSection } from '../../../db/billing/reading-models';
import { BillingRun, ReadingAnomaly } from '../../../db/billing/run-models';
import { Account } from '../../../db/core/customer-models';
import type { CamundaClients } from '../../../lib/camunda/camunda-client';
import { openAnomalyTaskKeys } from './anomaly-task-actor';

export const runPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(20),
});
export const runListQuery = runPageQuery.extend({ sectionId: z.coerce.number().int().positive().optional() });
type RunPage = z.infer<typeof runPageQuery>;

const window = ({ page, size }: RunPage) => ({ limit: size, offset: (page - 1) * size });

type CountRow = { runId: number } & Record<string, number | string | null>;

/** `sql` over the runs `ids`, one row per run, as numbers by run id. */
async function countsByRun(sql: string, ids: number[]): Promise<Map<number, Record<string, number>>> {
  const rows = await BillingRun.sequelize!.query<CountRow>(sql, { replacements: { ids }, type: QueryTypes.SELECT });
  return new Map(
    rows.map(({ runId, ...counts }) => [
      Number(runId),
      Object.fromEntries(Object.entries(counts).map(([name, value]) => [name, Number(value ?? 0)])),
    ]),
  );
}

const COUNTS = [
  `SELECT r.id AS runId, COUNT(m.id) AS readings, COUNT(DISTINCT m.account_id) AS accountsRead FROM billing_runs r
   JOIN reading_section_accounts s ON s.section_id = r.section_id
   JOIN meter_readings m ON m.account_id = s.account_id AND m.period = r.period
   WHERE r.id IN (:ids) GROUP BY r.id`,
  `SELECT run_id AS runId, COUNT(*) AS anomalies, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS anomaliesOpen
   FROM reading_anomalies WHERE run_id IN (:ids) GROUP BY run_id`,
  `SELECT run_id AS runId, COUNT(*) AS bills, SUM(CASE WHEN status = 'issued' THEN 1 ELSE 0 END) AS billsIssued,
     SUM(amount_fen) AS amountFen FROM bills WHERE run_id IN (:ids) AND status <> 'void' GROUP BY run_id`,
  `SELECT f.run_id AS runId, COUNT(*) AS billsFlagged FROM bill_flags f JOIN bills b ON b.id = f.bill_id
   WHERE f.run_id IN (:ids) GROUP BY f.run_id`,
];
const NO_COUNTS = {
  readings: 0,
  accountsRead: 0,
  anomalies: 0,
  anomaliesOpen: 0,
  bills: 0,
  billsIssued: 0,
  amountFen: 0,
  billsFlagged: 0,
};

async function withCounts(runs: BillingRun[]) {
  if (runs.length === 0) return [];
  const ids = runs.map((run) => run.id);
  const [sections, ...counts] = await Promise.all([
    ReadingSection.findAll({ where: { id: [...new Set(runs.map((run) => run.sectionId))] }, raw: true }),
    ...COUNTS.map((sql) => countsByRun(sql, ids)),
  ]);
  const sectionOf = new Map(sections.map((section) => [section.id, section]));
  return runs.map((run) => ({
    id: run.id,
    runNo: run.runNo,
    period: run.period,
    state: run.state,
    processInstanceKey: run.processInstanceKey,
    startedBy: run.startedBy,
    createdAt: run.createdAt,
    section: sectionOf.get(run.sectionId) ?? null,
    accounts: run.accountsTotal,
    ...Object.assign({ ...NO_COUNTS }, ...counts.map((found) => found.get(run.id) ?? {})),
  }));
}

/** Runs newest period first, of one section or all; `sectionIds` (the reader's units' sections) bounds either. */
export async function runSummaries(query: z.infer<typeof runListQuery>, sectionIds: number[] | null = null) {
  const allowed = (id: number) => sectionIds === null || sectionIds.includes(id);
  const sectionFilter = query.sectionId ? (allowed(query.sectionId) ? [query.sectionId] : []) : sectionIds;
  const { rows, count } = await BillingRun.findAndCountAll({
    where: sectionFilter === null ? {} : { sectionId: sectionFilter },
    order: [
      ['period', 'DESC'],
      ['id', 'DESC'],
    ],
    ...window(query),
  });
  return { items: await withCounts(rows), total: count };
}

export async function runSummary(run: BillingRun) {
  const [summary] = await withCounts([run]);
  return summary;
}

const parsed = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** The run's bills, the flagged ones first (with the review rules' reasons), then by bill id. */
export async function runBills(run: BillingRun, query: RunPage) {
  const sequelize = BillingRun.sequelize!;
  const [rows, [{ total }]] = await Promise.all([
    sequelize.query<Record<string, unknown>>(
      `SELECT b.id, b.account_id AS accountId, a.account_no AS accountNo, b.period, b.amount_fen AS amountFen,
         b.status, b.due_date AS dueDate, b.paid_at AS paidAt, f.reasons
       FROM bills b JOIN accounts a ON a.id = b.account_id
       LEFT JOIN bill_flags f ON f.bill_id = b.id AND f.run_id = b.run_id
       WHERE b.run_id = :runId ORDER BY CASE WHEN f.id IS NULL THEN 1 ELSE 0 END, b.id LIMIT :limit OFFSET :offset`,
      { replacements: { runId: run.id, ...window(query) }, type: QueryTypes.SELECT },
    ),
    sequelize.query<{ total: number }>('SELECT COUNT(*) AS total FROM bills WHERE run_id = :runId', {
      replacements: { runId: run.id },
      type: QueryTypes.SELECT,
    }),
  ]);
  return {
    items: rows.map((row) => ({
      ...row,
      id: Number(row.id),
      amountFen: Number(row.amountFen),
      flagReasons: (parsed(row.reasons) as unknown[] | null) ?? [],
      reasons: undefined,
    })),
    total: Number(total),
  };
}

/** The run's anomalies, the open ones first, each with its account number, this month's reading and open task. */
export async function runAnomalyTasks(camunda: CamundaClients, run: BillingRun, query: RunPage) {
  const { rows, count } = await ReadingAnomaly.findAndCountAll({
    where: { runId: run.id },
    order: [
      ['status', 'ASC'],
      ['id', 'ASC'],
    ],
    ...window(query),
  });
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const open = rows.filter((row) => row.status === 'open').map((row) => row.id);
  const [accounts, readings, tasks] = await Promise.all([
    Account.findAll({ where: { id: accountIds }, attributes: ['id', 'accountNo'], raw: true }),
    MeterReading.findAll({ where: { accountId: accountIds, period: run.period }, raw: true }),
    run.processInstanceKey ? openAnomalyTaskKeys(camunda, run.processInstanceKey, open) : new Map<number, string>(),
  ]);
  const numbers = new Map(accounts.map((account) => [account.id, account.accountNo]));
  const reading = (accountId: number, register: string) =>
    readings.find((row) => row.accountId === accountId && row.register === register)?.value ?? null;
  return {
    items: rows.map((row) => ({
      ...row.get({ plain: true }),
      accountNo: numbers.get(row.accountId) ?? null,
      reading: reading(row.accountId, row.register),
      userTaskKey: tasks.get(row.id) ?? null,
    })),
    total: count,
  };
}
