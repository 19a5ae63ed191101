/** Reading a billing run as the API shows it: the run and its counts, its anomalies, its flagged bills with their lines. */
import { fn, col } from 'sequelize';
import { BillLine } from '../../../db/billing/billing-models';
import { MeterReading, ReadingImport, ReadingSection } from '../../../db/billing/reading-models';
import { BillFlag, BillingRun, ReadingAnomaly } from '../../../db/billing/run-models';
import { Account, Bill } from '../../../db/core/customer-models';
import { notFound } from '../../../lib/errors/app-error';

export async function findRun(runNo: string): Promise<BillingRun> {
  const run = await BillingRun.findOne({ where: { runNo } });
  if (!run) throw notFound('核算批次 / billing run', runNo);
  return run;
}

/** The latest runs, of the sections `sectionIds` only when given (the reader's units). */
export async function listRuns(sectionIds: number[] | null = null) {
  const runs = await BillingRun.findAll({
    where: sectionIds === null ? {} : { sectionId: sectionIds },
    order: [['id', 'DESC']],
    limit: 200,
    raw: true,
  });
  const sections = new Map((await ReadingSection.findAll({ raw: true })).map((section) => [section.id, section]));
  return { items: runs.map((run) => ({ ...run, section: sections.get(run.sectionId) ?? null })) };
}

export async function runDetail(runNo: string) {
  const run = await findRun(runNo);
  const bills = (await Bill.findAll({
    where: { runId: run.id },
    attributes: ['status', [fn('COUNT', col('id')), 'count'], [fn('SUM', col('amount_fen')), 'amountFen']],
    group: ['status'],
    raw: true,
  })) as unknown as { status: string; count: number; amountFen: number }[];
  const anomalies = (await ReadingAnomaly.findAll({
    where: { runId: run.id },
    attributes: ['status', [fn('COUNT', col('id')), 'count']],
    group: ['status'],
    raw: true,
  })) as unknown as { status: string; count: number }[];
  return {
    ...run.get({ plain: true }),
    section: await ReadingSection.findByPk(run.sectionId, { raw: true }),
    bills: Object.fromEntries(
      bills.map((row) => [row.status, { count: Number(row.count), amountFen: Number(row.amountFen) }]),
    ),
    anomalies: Object.fromEntries(anomalies.map((row) => [row.status, Number(row.count)])),
  };
}

export async function runAnomalies(runNo: string) {
  const run = await findRun(runNo);
  // Not raw: SQLite answers JSON columns of raw rows as text.
  const items = await ReadingAnomaly.findAll({ where: { runId: run.id }, order: [['id', 'ASC']] });
  return { items: items.map((item) => item.get({ plain: true })) };
}

/** The bills the review flagged, with why and their lines (which add up to the bill). */
export async function flaggedBills(runNo: string) {
  const run = await findRun(runNo);
  const flags = (await BillFlag.findAll({ where: { runId: run.id }, order: [['billId', 'ASC']], limit: 500 })).map(
    (flag) => flag.get({ plain: true }),
  );
  const ids = flags.map((flag) => flag.billId);
  const bills = new Map((await Bill.findAll({ where: { id: ids }, raw: true })).map((bill) => [bill.id, bill]));
  const lines = await BillLine.findAll({
    where: { billId: ids },
    order: [
      ['billId', 'ASC'],
      ['seq', 'ASC'],
    ],
  });
  const accounts = await Account.findAll({
    where: { id: [...bills.values()].map((bill) => bill.accountId) },
    attributes: ['id', 'accountNo'],
    raw: true,
  });
  const numbers = new Map(accounts.map((account) => [account.id, account.accountNo]));
  return {
    items: flags.map((flag) => {
      const bill = bills.get(flag.billId);
      return {
        ...bill,
        accountNo: bill ? numbers.get(bill.accountId) : undefined,
        reasons: flag.reasons,
        lines: lines.filter((line) => line.billId === flag.billId).map((line) => line.get({ plain: true })),
      };
    }),
  };
}

export async function readingsOfAccount(accountId: number, period?: string) {
  const where = period ? { accountId, period } : { accountId };
  return {
    items: await MeterReading.findAll({
      where,
      order: [
        ['period', 'DESC'],
        ['register', 'ASC'],
      ],
      limit: 200,
      raw: true,
    }),
  };
}

export async function readingImport(id: number) {
  const record = await ReadingImport.findByPk(id);
  if (!record) throw notFound('抄表数据导入 / reading import', id);
  const found = record.get({ plain: true });
  return {
    ...found,
    percent: found.totalRows > 0 ? Math.min(100, Math.floor((found.rowsDone / found.totalRows) * 100)) : 0,
  };
}
