/** An account's bills, and one bill with its line items and the corrections asked for on it. */
import { BillLine } from '../../../db/billing/billing-models';
import { BillCorrection } from '../../../db/billing/tariff-models';
import { Account, Bill } from '../../../db/core/customer-models';
import { notFound } from '../../../lib/errors/app-error';

const billOf = (bill: Bill) => ({
  id: bill.id,
  accountId: bill.accountId,
  period: bill.period,
  amountFen: bill.amountFen,
  status: bill.status,
  dueDate: bill.dueDate,
  issuedOn: bill.issuedOn,
  paidAt: bill.paidAt,
  runId: bill.runId,
});

export const correctionOf = (correction: BillCorrection) => ({
  correctionNo: correction.correctionNo,
  billId: correction.billId,
  accountId: correction.accountId,
  period: correction.period,
  reason: correction.reason,
  correctedUse: correction.correctedUse,
  status: correction.status,
  originalFen: correction.originalFen === null ? null : Number(correction.originalFen),
  recomputedFen: correction.recomputedFen === null ? null : Number(correction.recomputedFen),
  differenceFen: correction.differenceFen === null ? null : Number(correction.differenceFen),
  recomputedLines: correction.recomputedLines,
  processInstanceKey: correction.processInstanceKey,
  requestedBy: correction.requestedBy,
  requestedAt: correction.requestedAt,
  decidedBy: correction.decidedBy,
  decidedAt: correction.decidedAt,
  decisionComment: correction.decisionComment,
  lineId: correction.lineId,
});

export async function accountBills(accountId: number) {
  if (!(await Account.findByPk(accountId))) throw notFound('用电户 / account', accountId);
  const bills = await Bill.findAll({ where: { accountId }, order: [['period', 'DESC']] });
  return { accountId, items: bills.map(billOf) };
}

export async function billDetail(billId: number) {
  const bill = await Bill.findByPk(billId);
  if (!bill) throw notFound('电费账单 / bill', billId);
  const [lines, corrections] = await Promise.all([
    BillLine.findAll({ where: { billId }, order: [['seq', 'ASC']] }),
    BillCorrection.findAll({ where: { billId }, order: [['id', 'ASC']] }),
  ]);
  return {
    ...billOf(bill),
    lines: lines.map((line) => ({
      seq: line.seq,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      amountFen: Number(line.amountFen),
      basis: line.basis,
      correctionId: line.correctionId,
    })),
    corrections: corrections.map(correctionOf),
  };
}

export async function correctionDetail(correctionNo: string) {
  const correction = await BillCorrection.findOne({ where: { correctionNo } });
  if (!correction) throw notFound('退补申请 / correction', correctionNo);
  return correctionOf(correction);
}
