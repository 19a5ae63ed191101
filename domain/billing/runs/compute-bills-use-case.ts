/**
 * The billing step of a run: every account of the section billed by the tariff calculator (domain/billing/tariff),
 * a chunk of accounts at a time — one query each for the accounts' terms, their readings and their meters'
 * multipliers, the bills computed in memory from one book of rules, then written in bulk. Each chunk's bills are
 * committed before the next is read, and an account that already has its bill of the period is skipped, so a run
 * cut short (a worker killed, the job delivered again) goes on where it stopped and bills each account once.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { BillingRun } from '../../../db/billing/run-models';
import { addDays } from '../../../lib/calendar';
import { shiftPeriod } from '../readings';
import { meteredUse, multipliersOf, readingsOf, sectionAccountIds } from '../readings';
import { computeBill, loadBillableAccounts, loadTariffBook, saveBillDrafts, type BillDraft } from '../tariff';
import { RuleBook } from '../rules';
import { BILL_ISSUE_RULES } from './cycle-rules';

const CHUNK = 1_000;
/** Accounts that could not be billed, kept by number in the answer (the count has them all). */
const UNBILLABLE_KEPT = 100;

export interface ComputeOutcome {
  billsDone: number;
  /** Accounts without a tariff version in force: left for a clerk, never billed by guesswork. */
  unbillable: number;
  unbillableAccounts: number[];
}

async function billedAccounts(sequelize: Sequelize, run: BillingRun): Promise<Set<number>> {
  const rows = await sequelize.query<{ account_id: number }>(
    `SELECT b.account_id FROM bills b JOIN reading_section_accounts s ON s.account_id = b.account_id
     WHERE s.section_id = :sectionId AND b.period = :period`,
    { replacements: { sectionId: run.sectionId, period: run.period }, type: QueryTypes.SELECT },
  );
  return new Set(rows.map((row) => Number(row.account_id)));
}

/** A draft's due day until the issue sets the real one: the period's end plus the days to pay. */
async function provisionalDueDate(period: string): Promise<string> {
  const rule = (await RuleBook.load([BILL_ISSUE_RULES])).inForce(BILL_ISSUE_RULES, '*', `${period}-01`).body;
  return addDays(`${shiftPeriod(period, 1)}-01`, rule.payWithinDays - 1);
}

export async function computeBills(
  sequelize: Sequelize,
  run: BillingRun,
  options: { chunkSize?: number; onChunk?: (billsDone: number) => void } = {},
): Promise<ComputeOutcome> {
  const size = options.chunkSize ?? CHUNK;
  const book = await loadTariffBook();
  const dueDate = await provisionalDueDate(run.period);
  const billed = await billedAccounts(sequelize, run);
  const todo = (await sectionAccountIds(run.sectionId)).filter((accountId) => !billed.has(accountId));
  const previous = shiftPeriod(run.period, -1);
  let billsDone = billed.size;
  const unbillable: number[] = [];
  await run.update({ state: 'billing', billsDone });
  for (let start = 0; start < todo.length; start += size) {
    const chunk = todo.slice(start, start + size);
    const [accounts, readings] = await Promise.all([
      loadBillableAccounts(chunk, run.period),
      readingsOf(sequelize, chunk, [run.period, previous]),
    ]);
    const meterIds = [...new Set([...readings.values()].flatMap((list) => list.map((reading) => reading.meterId)))];
    const multipliers = await multipliersOf(sequelize, meterIds);
    const drafts: BillDraft[] = [];
    for (const accountId of chunk) {
      const account = accounts.get(accountId);
      if (!account) {
        unbillable.push(accountId);
        continue;
      }
      const use = meteredUse(readings.get(accountId) ?? [], run.period, previous, multipliers);
      drafts.push(computeBill(account, use, run.period, book));
    }
    await saveBillDrafts(drafts, { runId: run.id, dueDate, status: 'draft' });
    billsDone += drafts.length;
    await run.update({ billsDone });
    options.onChunk?.(billsDone);
  }
  return { billsDone, unbillable: unbillable.length, unbillableAccounts: unbillable.slice(0, UNBILLABLE_KEPT) };
}
