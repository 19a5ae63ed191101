/**
 * `change-of-use.apply-account-changes` (header phase = change | restore): writes the change to the accounts in
 * one transaction, effective on the case's effective date (`effectiveDate`, which the process waited for —
 * decision 0019; restoredOn for a restore), and records that day on the application for billing; a phase already
 * written is not written again. For a temporary change it answers `expiresAt`, the instant the timer waits for
 * (the effective day plus the route's expiryMonths, 00:00 China time).
 */
import { Account } from '../../db/core/customer-models';
import { expiryAfter } from '../../api/change-of-use/expiry';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, applicationOf, dayOf, requireHeader, routeOf, runJob } from './change-job';
import { ChangeLedger } from './change-ledger';
import { applyChange, applyRestore } from './change-rules';

export const applyAccountChangesWorker: WorkerDefinition = {
  taskType: 'change-of-use.apply-account-changes',
  handle: (job) =>
    runJob(job, async () => {
      const phase = requireHeader(job, 'phase');
      if (phase !== 'change' && phase !== 'restore')
        throw new ModelError(`任务头 phase 应为 change 或 restore / bad header phase: ${phase}`);
      const application = await applicationOf(job);
      const day = dayOf(job, phase === 'change' ? 'effectiveDate' : 'restoredOn');
      await application.sequelize.transaction(async (transaction) => {
        const ledger = new ChangeLedger(application, phase, day, transaction);
        if (await ledger.alreadyApplied()) return;
        const account = await Account.findByPk(application.accountId, { transaction });
        if (!account) throw new ModelError(`用电户不存在 / no account ${application.accountId}`);
        if (phase === 'change') {
          await applyChange(ledger, account, application.details);
          await application.update({ effectiveOn: day }, { transaction });
        } else await applyRestore(ledger, account, String(job.variables.restoreOutcome ?? 'restored'));
      });
      const months = routeOf(job).expiryMonths;
      if (phase === 'restore' || months === null || months === undefined)
        return job.complete({ changesAppliedOn: day });
      const expiresAt = expiryAfter(day, months);
      await application.update({ expiresAt });
      return job.complete({ changesAppliedOn: day, expiresAt: expiresAt.toISOString() });
    }),
};
