/**
 * Reading change cases: a filtered list, and one case with the account as it is now, the changes the case made,
 * the contracts it produced, its payments and extensions, the tasks open on it and what it waits for.
 */
import type { WhereOptions } from 'sequelize';
import { Account, Customer } from '../../db/core/customer-models';
import { AccountChange, ChangeApplication, ChangeContract } from '../../db/change-of-use/change-of-use-models';
import { ChangeExtension, ChangePayment } from '../../db/change-of-use/customer-action-models';
import { startingWith } from '../../db/text-search';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTasks } from '../../lib/camunda/engine-api';
import { loadBusinessCalendar } from '../time-limits';
import { notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { openWaits } from './case-messages';
import { CHANGE_TYPES } from './change-types';
import { feeBalance } from './payment-use-case';
import { withDueDateNotices } from '../time-limits';
import { requireInScope, scopeWhere, shownPii, type PiiReader, type PiiRequest, type ScopeUser } from '../users';

export const searchInput = z.object({
  accountId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  changeType: z.enum(CHANGE_TYPES).optional(),
  status: z.enum(['in-progress', 'completed', 'refused', 'rejected']).optional(),
  /** The start of an application number, e.g. BG20261110. */
  q: z.string().trim().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Cases of the reader's units only (decision 0025). */
export async function searchApplications(reader: ScopeUser, input: z.infer<typeof searchInput>) {
  const { q, limit, offset, ...equal } = input;
  const where: WhereOptions<ChangeApplication> = {
    ...Object.fromEntries(Object.entries(equal).filter(([, value]) => value !== undefined)),
    ...(q ? { applicationNo: startingWith(ChangeApplication.sequelize!, q) } : {}),
    ...(await scopeWhere(reader)),
  };
  const { rows, count } = await ChangeApplication.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit,
    offset,
  });
  return { items: rows, total: count };
}

/** A case outside the reader's units is not found; the customer's numbers are masked unless revealed (users/pii-view). */
export async function applicationDetail(
  camunda: CamundaClients,
  reader: ScopeUser & PiiReader,
  applicationNo: string,
  pii?: PiiRequest,
) {
  const application = await ChangeApplication.findOne({ where: { applicationNo } });
  await requireInScope(reader, application?.unitCode, '变更申请 / change application', applicationNo);
  if (!application) throw notFound('变更申请 / change application', applicationNo);
  const byId = { where: { applicationNo }, order: [['id', 'ASC']] as [string, string][] };
  const [account, customer, accountChanges, contracts, payments, extensions, fee, waitingFor] = await Promise.all([
    Account.findByPk(application.accountId),
    Customer.findByPk(application.customerId),
    AccountChange.findAll(byId),
    ChangeContract.findAll(byId),
    ChangePayment.findAll(byId),
    ChangeExtension.findAll(byId),
    feeBalance(application),
    openWaits(camunda, application.processInstanceKey),
  ]);
  const tasks = application.processInstanceKey
    ? await searchUserTasks(camunda, {
        filter: { processInstanceKey: application.processInstanceKey, state: 'CREATED' },
        page: { limit: 50 },
      })
    : [];
  return {
    ...application.toJSON(),
    account,
    customer: customer && (await shownPii(reader, pii, `application:${applicationNo}`, customer.get({ plain: true }))),
    accountChanges,
    contracts,
    payments,
    fee,
    extensions,
    waitingFor,
    currentTasks: (await withDueDateNotices(camunda, await loadBusinessCalendar(), tasks)).map(
      ({ userTaskKey, elementId, name, candidateGroups, assignee, dueDate, dueDateNotice }) => ({
        userTaskKey,
        elementId,
        name,
        candidateGroups,
        assignee,
        dueDate,
        dueDateNotice,
      }),
    ),
  };
}
