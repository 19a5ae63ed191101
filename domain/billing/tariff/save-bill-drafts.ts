/**
 * Writes computed drafts as bills with their lines, a chunk of drafts per transaction (bulk inserts, a few
 * statements per chunk), answering each draft's bill id in order. A bill already there for the account and period
 * (a run resumed, a draft saved twice) is answered as it is: never a second bill, never its lines again.
 */
import { Op, type Transaction } from 'sequelize';
import { Bill } from '../../../db/core/customer-models';
import { appClock } from '../../../lib/clock/app-clock';
import type { BillDraft } from './bill-draft';

const CHUNK = 500;

export interface SaveBillOptions {
  runId: number | null;
  dueDate: string;
  status: 'draft' | 'issued';
  /** The day an issued bill was issued on; defaults to none. */
  issuedOn?: string | null;
}

const pairKey = (accountId: number, period: string) => `${accountId}\u0000${period}`;

async function billIdsOf(drafts: BillDraft[], transaction: Transaction): Promise<Map<string, number>> {
  const rows = await Bill.findAll({
    attributes: ['id', 'accountId', 'period'],
    where: {
      accountId: { [Op.in]: [...new Set(drafts.map((draft) => draft.accountId))] },
      period: { [Op.in]: [...new Set(drafts.map((draft) => draft.period))] },
    },
    transaction,
  });
  return new Map(rows.map((row) => [pairKey(row.accountId, row.period), row.id]));
}

async function saveChunk(drafts: BillDraft[], options: SaveBillOptions, transaction: Transaction): Promise<number[]> {
  const existing = await billIdsOf(drafts, transaction);
  // The same account and period twice in one call: the first draft wins, as with a second call.
  const taken = new Set(existing.keys());
  const fresh = drafts.filter((draft) => {
    const key = pairKey(draft.accountId, draft.period);
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  const queries = Bill.sequelize!.getQueryInterface();
  if (fresh.length > 0) {
    const now = appClock.now();
    // Plain rows through the query interface: building a model instance per row costs more than the insert.
    await queries.bulkInsert(
      'bills',
      fresh.map((draft) => ({
        account_id: draft.accountId,
        period: draft.period,
        amount_fen: draft.amountFen,
        due_date: options.dueDate,
        paid_at: null,
        status: options.status,
        run_id: options.runId,
        issued_on: options.status === 'issued' ? (options.issuedOn ?? null) : null,
        created_at: now,
        updated_at: now,
      })),
      { transaction },
    );
  }
  const ids = await billIdsOf(drafts, transaction);
  const lines = fresh.flatMap((draft) => {
    const billId = ids.get(pairKey(draft.accountId, draft.period))!;
    return draft.lines.map((line, seq) => ({
      bill_id: billId,
      seq: seq + 1,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unit_price: line.unitPrice,
      amount_fen: line.amountFen,
      basis: line.basis === null ? null : JSON.stringify(line.basis),
      correction_id: null,
    }));
  });
  if (lines.length > 0) await queries.bulkInsert('bill_lines', lines, { transaction });
  return drafts.map((draft) => ids.get(pairKey(draft.accountId, draft.period))!);
}

export async function saveBillDrafts(
  drafts: BillDraft[],
  options: SaveBillOptions,
  transaction?: Transaction,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < drafts.length; start += CHUNK) {
    const chunk = drafts.slice(start, start + CHUNK);
    ids.push(
      ...(transaction
        ? await saveChunk(chunk, options, transaction)
        : await Bill.sequelize!.transaction((own) => saveChunk(chunk, options, own))),
    );
  }
  return ids;
}
