/**
 * How a change case ended (outcome completed | refused-debts | rejected), recorded on the application. Setting the
 * same values again is harmless, so a repeated step changes nothing.
 */
import { appClock } from '../../lib/clock/app-clock';
import { ModelError } from '../../lib/errors/model-error';
import { caseApplication } from './change-application-repository';

export interface CaseEnding {
  applicationNo: string;
  outcome: string;
  /** Why the debt check refused it, and what the reviewer said (empty when none). */
  debtNote: string;
  reviewComment: string;
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
      return { status: 'rejected', outcome: `审核不通过${input.reviewComment ? `：${input.reviewComment}` : ''}` };
    default:
      throw new ModelError(
        `任务头 outcome 应为 completed、refused-debts 或 rejected / bad header outcome: ${input.outcome}`,
      );
  }
}

export async function archiveCase(input: CaseEnding): Promise<{ caseStatus: string }> {
  const application = await caseApplication(input.applicationNo);
  const { status, outcome } = ending(input, application.newConnectionNo);
  await application.update({
    status,
    outcome: outcome.slice(0, 255),
    completedAt: application.completedAt ?? appClock.now(),
  });
  return { caseStatus: status };
}
