/**
 * `change-of-use.close-old-account`: after a relocation to another supply point became a new connection and the
 * clerk confirmed the new one is energized (task 旧户销户), the old account is closed — only when every bill of it
 * is paid (销户: docs/business-rules.md §2). Unpaid bills throw BPMN error CHANGE_OLD_ACCOUNT_UNPAID: the process tells
 * the customer and gives the task back. Written through the ledger, once per case.
 */
import { Account } from '../../db/core/customer-models';
import { debtMessage, unpaidBills } from '../../api/change-of-use/unpaid-bills';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, applicationOf, dayOf, runJob } from './change-job';
import { ChangeLedger } from './change-ledger';

export const OLD_ACCOUNT_UNPAID = 'CHANGE_OLD_ACCOUNT_UNPAID';

export const closeOldAccountWorker: WorkerDefinition = {
  taskType: 'change-of-use.close-old-account',
  handle: (job) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const day = dayOf(job, 'closedOn');
      // Read before the transaction: a read outside it while it holds SQLite's write lock can wait behind a writer
      // that waits for that very lock (one shared connection), until the busy timeout fails both.
      const unpaid = await unpaidBills([application.accountId], null);
      const closed = await application.sequelize.transaction(async (transaction) => {
        const ledger = new ChangeLedger(application, 'change', day, transaction);
        if (await ledger.alreadyApplied()) return true;
        if (unpaid.totalFen > 0) return false;
        const account = await Account.findByPk(application.accountId, { transaction });
        if (!account) throw new ModelError(`用电户不存在 / no account ${application.accountId}`);
        await ledger.note(account.id, 'closedFor', application.newConnectionNo);
        await ledger.set(account, { status: 'closed', basicChargeStoppedOn: day });
        return true;
      });
      if (!closed) {
        return job.error({ errorCode: OLD_ACCOUNT_UNPAID, errorMessage: debtMessage(unpaid), variables: {} });
      }
      return job.complete({ oldAccountClosedOn: day });
    }),
};
