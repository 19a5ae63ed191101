/**
 * `change-of-use.apply-account-changes` (header phase = change | restore): writes the change to the accounts on
 * the day the site work was done (form field siteWorkDate; restoredOn for a restore). For a temporary change it
 * answers `expiresAt`, the instant the timer waits for.
 */
import { applyAccountChanges } from '../../domain/change-of-use';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, dayOf, requireBusinessKey, requireHeader, routeOf, runJob } from './change-job';

export const applyAccountChangesWorker: WorkerDefinition = {
  taskType: 'change-of-use.apply-account-changes',
  handle: (job) =>
    runJob(job, async () => {
      const phase = requireHeader(job, 'phase');
      if (phase !== 'change' && phase !== 'restore')
        throw new ModelError(`任务头 phase 应为 change 或 restore / bad header phase: ${phase}`);
      const day = dayOf(job, phase === 'change' ? 'siteWorkDate' : 'restoredOn');
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
