/**
 * Asking for a correction (电费退补) of an issued bill: checks the bill (issued, no other correction open on it),
 * numbers the request (TB…), saves it with the request's idempotency key and starts the `bill-correction` process
 * with the number as businessKey. A start that failed is repeated with the same key (decision 0024).
 */
import { Op } from 'sequelize';
import { Bill } from '../../../db/core/customer-models';
import { BillCorrection } from '../../../db/billing/tariff-models';
import type { CamundaClients } from '../../../lib/camunda/camunda-client';
import { startProcessOnce } from '../../../lib/camunda/engine-api';
import { appClock } from '../../../lib/clock/app-clock';
import { AppError, businessRuleViolated, conflict, notFound } from '../../../lib/errors/app-error';
import { recordAudit } from '../../audit';
import { createOnce } from '../../idempotency';
import { nextNumber } from '../../numbering';
import type { CorrectionInput } from './correction-input';

export const CORRECTION_PROCESS_ID = 'bill-correction';
export const OPEN_CORRECTION = ['requested', 'computed'];

async function checkBill(billId: number): Promise<Bill> {
  const bill = await Bill.findByPk(billId);
  if (!bill) throw notFound('电费账单 / bill', billId);
  if (bill.status !== 'issued')
    throw businessRuleViolated(
      'BILL_NOT_ISSUED',
      `账单 ${billId} 状态为 ${bill.status}，只有已发行的账单可退补 / only an issued bill is corrected (this one is ${bill.status})`,
    );
  const open = await BillCorrection.findOne({ where: { billId, status: { [Op.in]: OPEN_CORRECTION } } });
  if (open)
    throw conflict(`该账单有在办的退补 ${open.correctionNo} / the bill has an open correction ${open.correctionNo}`);
  return bill;
}

export async function startCorrectionProcess(camunda: CamundaClients, correctionNo: string): Promise<string> {
  const correction = (await BillCorrection.findOne({ where: { correctionNo } }))!;
  if (correction.processInstanceKey) return correction.processInstanceKey;
  try {
    const started = await startProcessOnce(camunda, CORRECTION_PROCESS_ID, {
      businessKey: correctionNo,
      correctionNo,
      billId: correction.billId,
      accountId: correction.accountId,
      period: correction.period,
      reason: correction.reason,
    });
    await correction.update({ processInstanceKey: started.processInstanceKey });
    return started.processInstanceKey;
  } catch (error) {
    throw new AppError(
      503,
      'PROCESS_NOT_STARTED',
      `退补申请 ${correctionNo} 已保存，流程未能启动：请用同一 Idempotency-Key 重试 / correction ${correctionNo} is saved but its process did not start: retry with the same Idempotency-Key (${String(error)})`,
      { correctionNo },
    );
  }
}

export async function requestCorrection(
  camunda: CamundaClients,
  billId: number,
  input: CorrectionInput,
  requestedBy: string,
  idempotencyKey?: string,
) {
  const request = {
    key: idempotencyKey,
    login: requestedBy,
    scope: 'POST /billing/bills/:id/corrections',
    body: { billId, ...input },
  };
  const answer = await createOnce(BillCorrection.sequelize!, request, {
    prepare: () => checkBill(billId),
    save: async (transaction, bill) => {
      const correction = await BillCorrection.create(
        {
          correctionNo: await nextNumber('TB', transaction),
          billId,
          accountId: bill.accountId,
          period: bill.period,
          reason: input.reason,
          correctedUse: input.correctedUse,
          originalFen: bill.amountFen,
          recomputedFen: null,
          differenceFen: null,
          recomputedLines: null,
          processInstanceKey: null,
          requestedBy,
          requestedAt: appClock.now(),
          decidedBy: null,
          decidedAt: null,
          decisionComment: null,
          lineId: null,
        },
        { transaction },
      );
      await recordAudit({
        actor: requestedBy,
        action: 'bill-correction.request',
        target: `bill:${billId}`,
        detail: { correctionNo: correction.correctionNo, reason: input.reason, correctedUse: input.correctedUse },
      });
      return correction.correctionNo;
    },
    finish: async (correctionNo) => ({
      status: 201,
      body: { correctionNo, processInstanceKey: await startCorrectionProcess(camunda, correctionNo) },
    }),
  });
  return answer.body;
}
