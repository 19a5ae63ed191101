/**
 * `change-of-use.apply-account-changes` (header phase = change | restore): writes the change to the accounts in
 * one transaction, effective on the case's effective date (`effectiveDate`, which the process waited for —
 * decision 0019; restoredOn for a restore), and records that day on the application for billing; a phase already
 * written is not written again. For a temporary change it answers `expiresAt`, the instant the timer waits for
 * (the effective day plus the route's expiryMonths, 00:00 China time).
 */
import { applyAccountChanges } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, dayOf, requireBusinessKey, requireHeader, routeOf, runJob } from './change-job';

export const applyAccountChangesWorker: WorkerDefinition = {
  taskType: 'change-of-use.apply-account-changes',
  variables: { headers: ['phase'] },
  handle: (job) =>
    runJob(job, async () => {
      const phase = requireHeader(job, 'phase');
      if (phase !== 'change' && phase !== 'restore')
        throw new ModelError(`任务头 phase 应为 change 或 restore / bad header phase: ${phase}`);
      const day = dayOf(job, phase === 'change' ? 'effectiveDate' : 'restoredOn');
      const { expiresAt } = await applyAccountChanges({
        applicationNo: requireBusinessKey(job),
        phase,
        day,
        expiryMonths: routeOf(job).expiryMonths,
        restoreOutcome: String(job.variables.restoreOutcome ?? 'restored'),
      });
      if (!expiresAt) return job.complete({ changesAppliedOn: day });
      return job.complete({ changesAppliedOn: day, expiresAt: expiresAt.toISOString() });
    }),
};
