/**
 * Writing a change to the accounts on the case's effective date (phase change; the day is recorded on the
 * application for billing, decision 0019), or undoing a temporary one at its end (phase restore), in one
 * transaction; a phase already written is not written again. A temporary change
 * gets its expiry: the effective day plus the route's expiryMonths, 00:00 China time.
 */
import { Account } from '../../db/core/customer-models';
import { ModelError } from '../../lib/errors/model-error';
import { caseApplication } from './change-application-repository';
import { ChangeLedger } from './change-ledger';
import { applyChange, applyRestore } from './change-rules';
import { expiryAfter } from './expiry';

export interface AccountChangesInput {
  applicationNo: string;
  phase: 'change' | 'restore';
  /** The effective day (YYYY-MM-DD). */
  day: string;
  /** From the route: months until a temporary change runs out, none for a lasting one. */
  expiryMonths: number | null | undefined;
  /** What the crew recorded at the end of a temporary change (restored | ended | new-connection-required). */
  restoreOutcome: string;
}

export async function applyAccountChanges(input: AccountChangesInput): Promise<{ expiresAt: Date | null }> {
  const { phase, day } = input;
  const application = await caseApplication(input.applicationNo);
  await application.sequelize.transaction(async (transaction) => {
    const ledger = new ChangeLedger(application, phase, day, transaction);
    if (await ledger.alreadyApplied()) return;
    const account = await Account.findByPk(application.accountId, { transaction });
    if (!account) throw new ModelError(`用电户不存在 / no account ${application.accountId}`);
    if (phase === 'change') {
      await applyChange(ledger, account, application.details);
      await application.update({ effectiveOn: day }, { transaction });
    } else await applyRestore(ledger, account, input.restoreOutcome);
  });
  const months = input.expiryMonths;
  if (phase === 'restore' || months === null || months === undefined) return { expiresAt: null };
  const expiresAt = expiryAfter(day, months);
  await application.update({ expiresAt });
  return { expiresAt };
}
