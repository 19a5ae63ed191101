/**
 * The billing review's selection: every bill of the run is judged by the review rules in force on the period's
 * first day (a sample, the amount, the change from the account's previous bill); the flagged ones are saved once
 * each, for the reviewer's task.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { BillFlag, type BillingRun } from '../../../db/billing/run-models';
import { shiftPeriod } from '../readings';
import { RuleBook } from '../rules';
import { BILL_REVIEW_RULES, flagBill } from './cycle-rules';

const CHUNK = 5_000;

export async function flagBills(
  sequelize: Sequelize,
  run: BillingRun,
): Promise<{ billsTotal: number; billsFlagged: number }> {
  const rules = (await RuleBook.load([BILL_REVIEW_RULES])).inForce(BILL_REVIEW_RULES, '*', `${run.period}-01`).body;
  const bills = await sequelize.query<{
    id: number;
    account_id: number;
    amount_fen: number;
    previous_fen: number | null;
  }>(
    `SELECT b.id, b.account_id, b.amount_fen, p.amount_fen AS previous_fen FROM bills b
     LEFT JOIN bills p ON p.account_id = b.account_id AND p.period = :previous
     WHERE b.run_id = :runId ORDER BY b.id`,
    { replacements: { runId: run.id, previous: shiftPeriod(run.period, -1) }, type: QueryTypes.SELECT },
  );
  const flags = bills.flatMap((bill) => {
    const reasons = flagBill(
      {
        runNo: run.runNo,
        accountId: Number(bill.account_id),
        amountFen: Number(bill.amount_fen),
        previousFen: bill.previous_fen === null ? null : Number(bill.previous_fen),
      },
      rules,
    );
    return reasons.length > 0 ? [{ runId: run.id, billId: Number(bill.id), reasons }] : [];
  });
  for (let start = 0; start < flags.length; start += CHUNK)
    await BillFlag.bulkCreate(flags.slice(start, start + CHUNK), { ignoreDuplicates: true });
  await run.update({ state: 'reviewing-bills', billsFlagged: flags.length });
  return { billsTotal: bills.length, billsFlagged: flags.length };
}
