/**
 * Accepting a change-of-use application (业务受理): checks the account, the notice the route asks for (working
 * days by the business calendar) and, for the types that need it, that no bill is overdue; then numbers it (BG…),
 * saves it with the request's idempotency key and starts the `change-of-use` process with the number as businessKey.
 * If the start fails, the saved row waits for a retry with the same key or the start-up repair (decision 0024).
 */
import { Account, Customer } from '../../db/core/customer-models';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { startProcessOnce } from '../../lib/camunda/engine-api';
import { chinaDayOf } from '../../lib/calendar';
import { loadBusinessCalendar } from '../time-limits';
import { appClock } from '../../lib/clock/app-clock';
import { AppError, businessRuleViolated, conflict, notFound } from '../../lib/errors/app-error';
import { createOnce } from '../idempotency';
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
  idempotencyKey?: string,
): Promise<SubmittedApplication> {
  const request = { key: idempotencyKey, login: submittedBy, scope: 'POST /change-of-use/applications', body: input };
  const answer = await createOnce(ChangeApplication.sequelize!, request, {
    prepare: () => checkApplication(camunda, input),
    save: async (transaction, { account, route }) => {
      await requireNoOpenCase(account.id);
      // The case belongs to the accepting clerk's unit (decision 0025).
      const customer = await Customer.findByPk(account.customerId, { transaction });
      const unitCode = await acceptingUnit(submittedBy, customer?.area ?? '');
      const application = await ChangeApplication.create(
        {
          applicationNo: await nextNumber('BG', transaction),
          accountId: account.id,
          customerId: account.customerId,
          changeType: input.changeType,
          requestedDate: input.requestedDate,
          reason: input.reason,
          details: detailsOf(input),
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
      );
      return application.applicationNo;
    },
    finish: async (applicationNo) => ({
      status: 201,
      body: { applicationNo, processInstanceKey: await startChangeProcess(camunda, applicationNo) },
    }),
  });
  return answer.body;
}

/** The account, the route the DMN gives, the notice it asks for and, where it says so, no overdue bill. */
async function checkApplication(camunda: CamundaClients, input: ApplicationInput) {
  const account = await Account.findByPk(input.accountId);
  if (!account) throw notFound('用电户 / account', input.accountId);
  const otherAccounts = await checkAccountFor(input, account);
  const route = await evaluateRoute(camunda, routeFacts(input, account));
  await requireNotice(input.requestedDate, route.noticeWorkingDays);
  if (route.debtCheck) {
    const unpaid = await unpaidBills([account.id, ...otherAccounts], chinaDayOf(appClock.now()));
    if (unpaid.totalFen > 0) throw businessRuleViolated('UNPAID_BILLS', debtMessage(unpaid), unpaid);
  }
  // One ID number, one name: refused at the counter rather than when the transfer is applied.
  if (input.changeType === 'transfer') await checkIdentity(input.newCustomer);
  return { account, route };
}

/**
 * Starts the process of a saved application unless the engine already has it (decision 0024): the submission's last
 * step, and the repair of one whose start failed or was cut short by a crash. The facts come from the saved row.
 */
export async function startChangeProcess(camunda: CamundaClients, applicationNo: string): Promise<string> {
  const application = (await ChangeApplication.findOne({ where: { applicationNo } }))!;
  if (application.processInstanceKey) return application.processInstanceKey;
  const account = (await Account.findByPk(application.accountId))!;
  const { changeType, requestedDate, reason, details } = application;
  const input = { ...details, accountId: account.id, changeType, requestedDate, reason } as ApplicationInput;
  try {
    const started = await startProcessOnce(camunda, PROCESS_ID, {
      ...routeFacts(input, account),
      businessKey: applicationNo,
      applicationNo,
      accountId: account.id,
      customerId: account.customerId,
      changeTypeName: CHANGE_TYPE_NAMES[input.changeType],
      requestedDate,
      details,
    });
    await application.update({ processInstanceKey: started.processInstanceKey });
    return started.processInstanceKey;
  } catch (error) {
    throw new AppError(
      503,
      'PROCESS_NOT_STARTED',
      `申请 ${applicationNo} 已保存，流程未能启动：请用同一 Idempotency-Key 重试，或待系统重启时补启 / application ${applicationNo} is saved but its process did not start: retry with the same Idempotency-Key, or it starts at the next start-up (${String(error)})`,
      { applicationNo },
    );
  }
}
