/**
 * `change-of-use.new-contract`: a contract (供用电合同) per account the change leaves in use — the account itself,
 * or the merge target, plus any account the case opened (a temporary supply's only) — for its owner after the change. One per case and
 * account, so a redelivered job finds them made.
 */
import { Account } from '../../db/core/customer-models';
import { AccountChange, ChangeContract, type ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { nextNumber } from '../../lib/numbering/next-number';
import type { WorkerDefinition } from '../worker-definition';
import { applicationOf, dayOf, runJob } from './change-job';

/** The customer's own account keeps a contract, but a merged-away account hands it to the target. */
function mainAccounts(application: ChangeApplication): number[] {
  if (application.changeType === 'merge') return [Number(application.details.targetAccountId)];
  if (application.changeType === 'temporary-supply') return [];
  return [application.accountId];
}

export const newContractWorker: WorkerDefinition = {
  taskType: 'change-of-use.new-contract',
  handle: (job) =>
    runJob(job, async () => {
      const application = await applicationOf(job);
      const { applicationNo } = application;
      const created = await AccountChange.findAll({ where: { applicationNo, phase: 'change', field: 'created' } });
      const ids = [...mainAccounts(application), ...created.map((row) => row.accountId)];
      const signedOn = dayOf(job, 'contractSignedOn');
      const contractNos: string[] = [];
      for (const accountId of ids) {
        const account = await Account.findByPk(accountId);
        if (!account) continue;
        const contract = await application.sequelize.transaction(async (transaction) => {
          const existing = await ChangeContract.findOne({ where: { applicationNo, accountId }, transaction });
          if (existing) return existing;
          const contractNo = await nextNumber('HT', transaction);
          const values = { contractNo, applicationNo, accountId, customerId: account.customerId, signedOn };
          return ChangeContract.create(values, { transaction });
        });
        contractNos.push(contract.contractNo);
      }
      return job.complete({ contractNos });
    }),
};
