/**
 * `change-of-use.archive` (header outcome = completed | refused-debts | rejected): records how the case ended on
 * the application. Setting the same values again is harmless, so a redelivered job changes nothing.
 */
import { appClock } from '../../lib/clock/app-clock';
import type { WorkerDefinition, WorkerJob } from '../worker-definition';
import { ModelError, applicationOf, requireHeader, runJob } from './change-job';

function ending(job: WorkerJob, newConnectionNo: string | null): { status: string; outcome: string } {
  const outcome = requireHeader(job, 'outcome');
  const text = (name: string) => (typeof job.variables[name] === 'string' ? (job.variables[name] as string) : '');
  switch (outcome) {
    case 'completed':
      return {
        status: 'completed',
        outcome: newConnectionNo ? `已转业扩新装 ${newConnectionNo}` : '变更完成',
      };
    case 'refused-debts':
      return { status: 'refused', outcome: text('debtNote') || '欠费未结清，不予办理' };
    case 'rejected':
      return { status: 'rejected', outcome: `审核不通过${text('reviewComment') ? `：${text('reviewComment')}` : ''}` };
    default:
      throw new ModelError(`任务头 outcome 应为 completed、refused-debts 或 rejected / bad header outcome: ${outcome}`);
  }
}

export const archiveWorker: WorkerDefinition = {
  taskType: 'change-of-use.archive',
  handle: (job) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const { status, outcome } = ending(job, application.newConnectionNo);
      await application.update({
        status,
        outcome: outcome.slice(0, 255),
        completedAt: application.completedAt ?? appClock.now(),
      });
      return job.complete({ caseStatus: status });
    }),
};
