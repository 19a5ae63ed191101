/**
 * The end of a correction after its approval: approved, the difference between the recomputed bill and the bill as
 * it stands now becomes one line (kind 'correction') and the bill's amount follows it; rejected, nothing on the bill
 * changes. Either way the decision is kept on the correction and in the audit log. Each is done once: the
 * correction's row is locked and a redelivered job finds the decision already made.
 */
import type { Transaction } from 'sequelize';
import { BillLine } from '../../../db/billing/billing-models';
import { BillCorrection } from '../../../db/billing/tariff-models';
import { Bill } from '../../../db/core/customer-models';
import { appClock } from '../../../lib/clock/app-clock';
import { ModelError } from '../../../lib/errors/model-error';
import { recordAudit } from '../../audit';

export interface CorrectionDecision {
  correctionNo: string;
  decidedBy: string;
  comment: string | null;
}

/** The correction, its row locked until the transaction ends: a second delivery of the job waits and finds it decided. */
async function lockedCorrection(correctionNo: string, transaction: Transaction): Promise<BillCorrection> {
  const lock = transaction.LOCK.UPDATE;
  const correction = await BillCorrection.findOne({ where: { correctionNo }, transaction, lock });
  if (!correction) throw new ModelError(`退补申请 ${correctionNo} 不存在 / no correction ${correctionNo}`);
  return correction;
}

/** The decision on the correction's row and in the audit log (on the bill, where a reader of the bill looks). */
async function recordDecision(
  correction: BillCorrection,
  decision: CorrectionDecision,
  status: 'approved' | 'rejected',
  applied: { differenceFen?: number; lineId?: number },
  transaction: Transaction,
): Promise<void> {
  const { decidedBy, comment } = decision;
  await correction.update(
    { status, ...applied, decidedBy, decidedAt: appClock.now(), decisionComment: comment },
    { transaction },
  );
  await recordAudit({
    actor: decidedBy,
    action: status === 'approved' ? 'bill-correction.approve' : 'bill-correction.reject',
    target: `bill:${correction.billId}`,
    detail: { correctionNo: correction.correctionNo, comment, ...applied },
  });
}

export async function applyCorrection(
  decision: CorrectionDecision,
): Promise<{ lineId: number; differenceFen: number }> {
  const sequelize = BillCorrection.sequelize!;
  return sequelize.transaction(async (transaction) => {
    const correction = await lockedCorrection(decision.correctionNo, transaction);
    if (correction.status === 'approved')
      return { lineId: correction.lineId!, differenceFen: Number(correction.differenceFen) };
    if (correction.status !== 'computed')
      throw new ModelError(
        `退补 ${correction.correctionNo} 状态为 ${correction.status}，不能入账 / cannot apply a ${correction.status} correction`,
      );
    const bill = (await Bill.findByPk(correction.billId, { transaction, lock: transaction.LOCK.UPDATE }))!;
    // Against the bill as it stands now: a correction approved in between is not counted twice.
    const differenceFen = Number(correction.recomputedFen) - bill.amountFen;
    const seq =
      Number((await BillLine.max<number, BillLine>('seq', { where: { billId: bill.id }, transaction })) ?? 0) + 1;
    const line = await BillLine.create(
      {
        billId: bill.id,
        seq,
        kind: 'correction',
        description: `电费退补 ${correction.correctionNo}：${correction.reason}`,
        quantity: null,
        unit: null,
        unitPrice: null,
        amountFen: differenceFen,
        basis: {
          correctionNo: correction.correctionNo,
          previousFen: bill.amountFen,
          recomputedFen: Number(correction.recomputedFen),
        },
        correctionId: correction.id,
      },
      { transaction },
    );
    await bill.update({ amountFen: bill.amountFen + differenceFen }, { transaction });
    await recordDecision(correction, decision, 'approved', { differenceFen, lineId: line.id }, transaction);
    return { lineId: line.id, differenceFen };
  });
}

export async function rejectCorrection(decision: CorrectionDecision): Promise<void> {
  const sequelize = BillCorrection.sequelize!;
  await sequelize.transaction(async (transaction) => {
    const correction = await lockedCorrection(decision.correctionNo, transaction);
    if (correction.status === 'rejected') return;
    if (correction.status === 'approved')
      throw new ModelError(`退补 ${correction.correctionNo} 已入账，不能驳回 / correction already applied`);
    await recordDecision(correction, decision, 'rejected', {}, transaction);
  });
}
