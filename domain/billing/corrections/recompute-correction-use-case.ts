/**
 * The worker step of a correction: the bill recomputed from the corrected use by the rules of the bill's own period
 * (the tariff book on the period's first day, the account's tariff version of that period, the capacity-days off
 * then), kept on the correction with its difference from the bill as it stands. Done once: a redelivered job reads
 * what was computed.
 */
import { BillCorrection } from '../../../db/billing/tariff-models';
import { Bill } from '../../../db/core/customer-models';
import { ModelError } from '../../../lib/errors/model-error';
import { computeBill, loadBillableAccounts, loadTariffBook, type MeteredUse } from '../tariff';

export interface CorrectionFigures {
  correctionNo: string;
  originalFen: number;
  recomputedFen: number;
  differenceFen: number;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The figures as the approval form shows them (元 with two decimals). */
export const figuresForForm = (figures: CorrectionFigures) => ({
  originalYuan: yuan(figures.originalFen),
  recomputedYuan: yuan(figures.recomputedFen),
  differenceYuan: yuan(figures.differenceFen),
  differenceFen: figures.differenceFen,
});

export async function correctionNamed(correctionNo: string): Promise<BillCorrection> {
  const correction = await BillCorrection.findOne({ where: { correctionNo } });
  if (!correction) throw new ModelError(`退补申请 ${correctionNo} 不存在 / no correction ${correctionNo}`);
  return correction;
}

const figuresOf = (correction: BillCorrection): CorrectionFigures => ({
  correctionNo: correction.correctionNo,
  originalFen: Number(correction.originalFen),
  recomputedFen: Number(correction.recomputedFen),
  differenceFen: Number(correction.differenceFen),
});

export async function recomputeCorrection(correctionNo: string): Promise<CorrectionFigures> {
  const correction = await correctionNamed(correctionNo);
  if (correction.status !== 'requested') return figuresOf(correction);
  const bill = await Bill.findByPk(correction.billId);
  if (!bill) throw new ModelError(`账单 ${correction.billId} 不存在 / no bill ${correction.billId}`);
  const account = (await loadBillableAccounts([correction.accountId], correction.period)).get(correction.accountId);
  if (!account)
    throw new ModelError(
      `用电户 ${correction.accountId} 在 ${correction.period} 无电价版本，无法重算 / the account has no tariff version for ${correction.period}`,
    );
  const draft = computeBill(
    account,
    correction.correctedUse as unknown as MeteredUse,
    correction.period,
    await loadTariffBook(),
  );
  await correction.update({
    status: 'computed',
    originalFen: bill.amountFen,
    recomputedFen: draft.amountFen,
    differenceFen: draft.amountFen - bill.amountFen,
    recomputedLines: draft.lines,
  });
  return figuresOf(correction);
}
