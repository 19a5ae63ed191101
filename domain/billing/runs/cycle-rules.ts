/**
 * The billing review's and the issue's rules as data: which bills a reviewer sees (a sample share, every bill over
 * an amount, every bill changed by more than a share from the account's last bill) and how long a customer has to
 * pay an issued bill. `flagBill` is pure; the sample is drawn from the run and account, so a review computed
 * twice (a redelivered job) flags the same bills.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineRuleSet } from '../rules';

const billReviewSchema = z
  .object({
    /** Share of the run's bills drawn at random for review, in percent. */
    samplePercent: z.number().min(0).max(100),
    /** Every bill of at least this amount (fen) is reviewed. */
    amountOverFen: z.number().int().min(0),
    /** Every bill that differs by more than this share (percent) from the account's previous bill is reviewed. */
    changeOverPercent: z.number().min(0),
  })
  .strict();
export type BillReviewRules = z.infer<typeof billReviewSchema>;

export const BILL_REVIEW_RULES = defineRuleSet<BillReviewRules>({
  name: 'bill-review',
  title: '电费审核抽检规则',
  titleEn: 'Bill review sampling rules',
  schema: billReviewSchema,
  defaults: [
    {
      effectiveFrom: '2020-01-01',
      body: { samplePercent: 2, amountOverFen: 1_000_000, changeOverPercent: 50 },
      source: '本地规则, 默认参数 (电费核算质量管理; 由电费主管按本单位规定修改)',
    },
  ],
});

const billIssueSchema = z.object({ payWithinDays: z.number().int().min(1).max(90) }).strict();
export type BillIssueRules = z.infer<typeof billIssueSchema>;

export const BILL_ISSUE_RULES = defineRuleSet<BillIssueRules>({
  name: 'bill-issue',
  title: '电费发行规则',
  titleEn: 'Bill issue rules',
  schema: billIssueSchema,
  defaults: [
    {
      effectiveFrom: '2020-01-01',
      body: { payWithinDays: 15 },
      source: '本地规则, 默认参数 (供用电合同约定的交费期限; 由电费主管按合同修改)',
    },
  ],
});

export interface FlagReason {
  rule: 'sample' | 'amount-over' | 'change-over';
  detail?: Record<string, unknown>;
}

/** Whether an account falls in the run's sample: a stable draw from the run number and the account. */
export function inSample(runNo: string, accountId: number, samplePercent: number): boolean {
  const digest = createHash('sha1').update(`${runNo}:${accountId}`).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100 < samplePercent;
}

export function flagBill(
  bill: { runNo: string; accountId: number; amountFen: number; previousFen: number | null },
  rules: BillReviewRules,
): FlagReason[] {
  const reasons: FlagReason[] = [];
  if (inSample(bill.runNo, bill.accountId, rules.samplePercent)) reasons.push({ rule: 'sample' });
  if (bill.amountFen >= rules.amountOverFen)
    reasons.push({ rule: 'amount-over', detail: { amountFen: bill.amountFen, limitFen: rules.amountOverFen } });
  if (bill.previousFen !== null && bill.previousFen > 0) {
    const changePercent = (Math.abs(bill.amountFen - bill.previousFen) / bill.previousFen) * 100;
    if (changePercent > rules.changeOverPercent)
      reasons.push({
        rule: 'change-over',
        detail: { previousFen: bill.previousFen, changePercent: Math.round(changePercent * 10) / 10 },
      });
  }
  return reasons;
}
