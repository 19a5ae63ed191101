/**
 * The case's fees (业务费用), one row per kind, and the notice that tells the customer what to pay. The
 * high-reliability supply fee (高可靠性供电费) is capacity × the rate the DMN high-reliability-fee gave (yuan per
 * kVA; 0 for single-source customers). Recomputing gives the same rows.
 */
import { Fee } from '../../db/business-expansion';
import type { DomainServices } from '../domain-services';
import { caseApplication } from './case-application-repository';
import { feeBalance } from './case-record-repository';
import { notifyCustomer, yuan } from './customer-notice';

export interface FeeFacts {
  applicationNo: string;
  highReliabilityRatePerKva: number;
  /** The scheme's facts the rate was decided on, kept with the fee as its basis. */
  basis: Record<string, unknown>;
}

export async function calculateFees(input: FeeFacts): Promise<{ feesDueFen: number; feesOutstandingFen: number }> {
  const { applicationNo, highReliabilityRatePerKva: ratePerKva } = input;
  const application = await caseApplication(applicationNo);
  const capacityKva = application.capacityKva;
  if (Number.isFinite(ratePerKva) && ratePerKva > 0) {
    const amountFen = Math.round(capacityKva * ratePerKva * 100);
    const basis = { capacityKva, ratePerKva, ...input.basis, decision: 'high-reliability-fee' };
    const [fee] = await Fee.findOrCreate({
      where: { applicationNo, kind: 'high-reliability' },
      defaults: { applicationNo, kind: 'high-reliability', name: '高可靠性供电费', amountFen, basis },
    });
    if (Number(fee.amountFen) !== amountFen) await fee.update({ amountFen, basis });
  }
  const { dueFen, paidFen } = await feeBalance(applicationNo);
  return { feesDueFen: dueFen, feesOutstandingFen: Math.max(dueFen - paidFen, 0) };
}

/** Tells the customer what to pay (once per `occasion`) and marks the case as waiting for payment. */
export async function noticeFees(services: DomainServices, applicationNo: string, occasion: string): Promise<void> {
  const application = await caseApplication(applicationNo);
  const fees = await Fee.findAll({ where: { applicationNo }, order: [['id', 'ASC']] });
  const { dueFen, paidFen } = await feeBalance(applicationNo);
  const lines = fees.map((fee) => `${fee.name} ${yuan(Number(fee.amountFen))} 元`).join('；');
  await notifyCustomer(services, occasion, application, {
    kind: 'fee-notice',
    title: `【缴费通知】${applicationNo}`,
    body: `您的业扩申请 ${applicationNo} 应缴：${lines}；合计 ${yuan(dueFen)} 元，已缴 ${yuan(paidFen)} 元。`,
  });
  await application.update({ state: 'waiting-payment' });
}
