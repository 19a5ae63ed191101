/**
 * Are the account's (and a merge target's) bills settled? A bill may have fallen overdue after the application was
 * accepted, so the process asks again before anything is done.
 */
import { chinaDayOf } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import { caseApplication } from './change-application-repository';
import { debtMessage, unpaidBills } from './unpaid-bills';

export interface DebtCheck {
  debtsSettled: boolean;
  unpaidFen: number;
  debtNote: string | null;
}

export async function checkDebts(applicationNo: string): Promise<DebtCheck> {
  const application = await caseApplication(applicationNo);
  const target = Number(application.details.targetAccountId);
  const accounts = Number.isInteger(target) && target > 0 ? [application.accountId, target] : [application.accountId];
  const unpaid = await unpaidBills(accounts, chinaDayOf(appClock.now()));
  return {
    debtsSettled: unpaid.totalFen === 0,
    unpaidFen: unpaid.totalFen,
    debtNote: unpaid.totalFen === 0 ? null : debtMessage(unpaid),
  };
}
