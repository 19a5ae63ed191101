/**
 * The account's supply as an arrears case leaves it (decision 0061): `disconnected` once the crew has cut it, `active`
 * again once the crew has restored it; each change audited. Only those two moves: an account suspended, reduced or
 * closed by a change of use keeps its status (the case still records the cut). Safe to repeat: the conditional update
 * changes a row once, and only a change is audited.
 */
import { Account } from '../../db/core/customer-models';
import { recordAudit } from '../audit';

const FROM = { disconnected: 'active', active: 'disconnected' } as const;

export async function setSupplyStatus(accountId: number, status: keyof typeof FROM, caseNo: string): Promise<void> {
  const from = FROM[status];
  const [changed] = await Account.update({ status }, { where: { id: accountId, status: from } });
  if (changed === 0) return;
  await recordAudit({
    actor: 'system:arrears',
    action: 'account.status',
    target: `account:${accountId}`,
    detail: { from, to: status, caseNo },
  });
}
