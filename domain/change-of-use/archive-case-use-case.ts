/**
 * How a change case ended (outcome completed | refused-debts | rejected), recorded on the application; a rejected
 * case's customer is told why (once per case). Setting the same values again is harmless, so a repeated step
 * changes nothing.
 */
import { appClock } from '../../lib/clock/app-clock';
import { ModelError } from '../../lib/errors/model-error';
import type { DomainServices } from '../domain-services';
import { caseApplication } from './change-application-repository';
import { noticeToCustomer } from './customer-notice';

export interface CaseEnding {
  applicationNo: string;
  outcome: string;
  /** Why the debt check refused it, and why the reviewer rejected it (the review form requires it; empty when none). */
  debtNote: string;
  rejectionReason: string;
}

function ending(input: CaseEnding, newConnectionNo: string | null): { status: string; outcome: string } {
  switch (input.outcome) {
    case 'completed':
      return {
        status: 'completed',
        outcome: newConnectionNo ? `已转业扩新装 ${newConnectionNo}` : '变更完成',
      };
    case 'refused-debts':
      return { status: 'refused', outcome: input.debtNote || '欠费未结清，不予办理' };
    case 'rejected':
      return { status: 'rejected', outcome: `审核不通过${input.rejectionReason ? `：${input.rejectionReason}` : ''}` };
    default:
      throw new ModelError(
        `任务头 outcome 应为 completed、refused-debts 或 rejected / bad header outcome: ${input.outcome}`,
      );
  }
}

export async function archiveCase(services: DomainServices, input: CaseEnding): Promise<{ caseStatus: string }> {
  const application = await caseApplication(input.applicationNo);
  const { status, outcome } = ending(input, application.newConnectionNo);
  if (status === 'rejected')
    await noticeToCustomer(services, application, {
      kind: 'rejected',
      title: `【审核未通过】变更用电 ${application.applicationNo}`,
      body: `您的变更用电申请 ${application.applicationNo} ${outcome}。如有疑问请联系营业厅。 / your application was not approved: ${input.rejectionReason}`,
    });
  await application.update({
    status,
    outcome: outcome.slice(0, 255),
    completedAt: application.completedAt ?? appClock.now(),
  });
  return { caseStatus: status };
}
