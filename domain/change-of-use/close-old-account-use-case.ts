/**
 * After a relocation to another supply point became a new connection and the new one is energized, the old account
 * is closed — only when every bill of it is paid (销户: docs/business-rules.md §2). Written through the ledger, once per case.
 */
import { Account } from '../../db/core/customer-models';
import { ModelError } from '../../lib/errors/model-error';
import { caseApplication } from './change-application-repository';
import { ChangeLedger } from './change-ledger';
import { debtMessage, unpaidBills } from './unpaid-bills';

export type OldAccountClosing = { closed: true } | { closed: false; debtMessage: string };

export async function closeOldAccount(applicationNo: string, day: string): Promise<OldAccountClosing> {
  const application = await caseApplication(applicationNo);
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
  return closed ? { closed } : { closed, debtMessage: debtMessage(unpaid) };
}
