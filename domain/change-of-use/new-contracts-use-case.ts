/**
 * A contract (供用电合同) per account the change leaves in use — the account itself, or the merge target, plus any
 * account the case opened (a temporary supply's only) — for its owner after the change. One per case and account,
 * so a repeated step finds them made.
 */
import { Account } from '../../db/core/customer-models';
import { AccountChange, ChangeContract, type ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { nextNumber } from '../numbering';
import { caseApplication } from './change-application-repository';

/** The customer's own account keeps a contract, but a merged-away account hands it to the target. */
function mainAccounts(application: ChangeApplication): number[] {
  if (application.changeType === 'merge') return [Number(application.details.targetAccountId)];
  if (application.changeType === 'temporary-supply') return [];
  return [application.accountId];
}

export async function makeContracts(applicationNo: string, signedOn: string): Promise<{ contractNos: string[] }> {
  const application = await caseApplication(applicationNo);
  const created = await AccountChange.findAll({ where: { applicationNo, phase: 'change', field: 'created' } });
  const ids = [...mainAccounts(application), ...created.map((row) => row.accountId)];
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
  return { contractNos };
}
