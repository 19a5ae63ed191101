/**
 * Accepting a change-of-use application (业务受理): checks the account, the notice the route asks for (working
 * days by the business calendar) and, for the types that need it, that no bill is overdue; then numbers it (BG…),
 * saves it and starts the `change-of-use` process with the number as businessKey. If the start fails, the row goes.
 */
import { Account, Customer } from '../../db/core/customer-models';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { startProcess } from '../../lib/camunda/engine-api';
import { chinaDayOf } from '../../lib/calendar';
import { loadBusinessCalendar } from '../time-limits';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, businessRuleViolated, conflict, notFound } from '../../lib/errors/app-error';
import { nextNumber } from '../numbering';
import { acceptingUnit } from '../users';
import { checkIdentity } from '../customers';
import { checkAccountFor } from './account-checks';
import { CHANGE_TYPE_NAMES, detailsOf, type ApplicationInput } from './change-types';
import { evaluateRoute, routeFacts } from './route-decision';
import { debtMessage, unpaidBills } from './unpaid-bills';

export const PROCESS_ID = 'change-of-use';

export interface SubmittedApplication {
  applicationNo: string;
  processInstanceKey: string;
}

async function requireNotice(requestedDate: string, workingDays: number): Promise<void> {
  const calendar = await loadBusinessCalendar();
  // The limit ends at 24:00 of the n-th working day: that day itself is the earliest allowed.
  const earliest = chinaDayOf(+calendar.addWorkingDays(appClock.now(), workingDays) - 1);
  if (requestedDate < earliest)
    throw businessRuleViolated(
      'NOTICE_TOO_SHORT',
      `变更用电须提前 ${workingDays} 个工作日申请，最早可约 ${earliest} / apply ${workingDays} working days ahead: earliest ${earliest}`,
      { earliest },
    );
}

/** One open change per account, except one only waiting for its expiry (a temporary swap, removal or supply). */
async function requireNoOpenCase(accountId: number): Promise<void> {
  const open = await ChangeApplication.findOne({ where: { accountId, status: 'in-progress', expiresAt: null } });
  if (open)
    throw conflict(`该户有在办的变更申请 ${open.applicationNo} / the account has an open change ${open.applicationNo}`);
}

export async function submitChangeApplication(
  camunda: CamundaClients,
  input: ApplicationInput,
  submittedBy: string,
): Promise<SubmittedApplication> {
  const account = await Account.findByPk(input.accountId);
  if (!account) throw notFound('用电户 / account', input.accountId);
  const otherAccounts = await checkAccountFor(input, account);
  const facts = routeFacts(input, account);
  const route = await evaluateRoute(camunda, facts);
  await requireNotice(input.requestedDate, route.noticeWorkingDays);
  if (route.debtCheck) {
    const unpaid = await unpaidBills([account.id, ...otherAccounts], chinaDayOf(appClock.now()));
    if (unpaid.totalFen > 0) throw businessRuleViolated('UNPAID_BILLS', debtMessage(unpaid), unpaid);
  }
  await requireNoOpenCase(account.id);
  // One ID number, one name: refused at the counter rather than when the transfer is applied.
  if (input.changeType === 'transfer') await checkIdentity(input.newCustomer);
  const details = detailsOf(input);
  // The case belongs to the accepting clerk's unit (decision 0025).
  const customer = await Customer.findByPk(account.customerId);
  const unitCode = await acceptingUnit(submittedBy, customer?.area ?? '');
  const application = await ChangeApplication.sequelize!.transaction(async (transaction) =>
    ChangeApplication.create(
      {
        applicationNo: await nextNumber('BG', transaction),
        accountId: account.id,
        customerId: account.customerId,
        changeType: input.changeType,
        requestedDate: input.requestedDate,
        reason: input.reason,
        details,
        route: { ...route },
        outcome: null,
        processInstanceKey: null,
        newConnectionNo: null,
        feeFen: null,
        expiresAt: null,
        submittedBy,
        submittedAt: appClock.now(),
        completedAt: null,
        unitCode,
      },
      { transaction },
    ),
  );
  const { applicationNo } = application;
  try {
    const started = await startProcess(camunda, PROCESS_ID, {
      ...facts,
      businessKey: applicationNo,
      applicationNo,
      accountId: account.id,
      customerId: account.customerId,
      changeTypeName: CHANGE_TYPE_NAMES[input.changeType],
      requestedDate: input.requestedDate,
      details,
    });
    await application.update({ processInstanceKey: started.processInstanceKey });
    return { applicationNo, processInstanceKey: started.processInstanceKey };
  } catch (error) {
    await application.destroy();
    throw new AppError(
      503,
      'PROCESS_NOT_STARTED',
      `流程启动失败，申请未保存 / the process did not start: ${String(error)}`,
    );
  }
}
