/**
 * Reading change cases: a filtered list, and one case with the account as it is now, the changes the case made,
 * the contracts it produced and the tasks open on it.
 */
import { Op, type WhereOptions } from 'sequelize';
import { Account, Customer } from '../../db/core/customer-models';
import { AccountChange, ChangeApplication, ChangeContract } from '../../db/change-of-use/change-of-use-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { CHANGE_TYPES } from './change-types';

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
    ...(q ? { applicationNo: { [Op.like]: `${q}%` } } : {}),
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
  const [account, customer, accountChanges, contracts] = await Promise.all([
    Account.findByPk(application.accountId),
    Customer.findByPk(application.customerId),
    AccountChange.findAll({ where: { applicationNo }, order: [['id', 'ASC']] }),
    ChangeContract.findAll({ where: { applicationNo }, order: [['id', 'ASC']] }),
  ]);
  const tasks = application.processInstanceKey
    ? await camunda.rest.searchUserTasks({
        filter: { processInstanceKey: application.processInstanceKey, state: 'CREATED' },
        page: { limit: 50 },
      } as never)
    : { items: [] };
  return {
    ...application.toJSON(),
    account,
    customer,
    accountChanges,
    contracts,
    currentTasks: tasks.items.map(({ userTaskKey, elementId, name, candidateGroups, assignee, dueDate }) => ({
      userTaskKey,
      elementId,
      name,
      candidateGroups,
      assignee,
      dueDate,
    })),
  };
}
