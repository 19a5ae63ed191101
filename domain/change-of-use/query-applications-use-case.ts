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

export async function searchApplications(input: z.infer<typeof searchInput>) {
  const { q, limit, offset, ...equal } = input;
  const where: WhereOptions<ChangeApplication> = {
    ...Object.fromEntries(Object.entries(equal).filter(([, value]) => value !== undefined)),
    ...(q ? { applicationNo: startingWith(ChangeApplication.sequelize!, q) } : {}),
  };
  const { rows, count } = await ChangeApplication.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit,
    offset,
  });
  return { items: rows, total: count };
}

export async function applicationDetail(camunda: CamundaClients, applicationNo: string) {
  const application = await ChangeApplication.findOne({ where: { applicationNo } });
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
    customer,
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
