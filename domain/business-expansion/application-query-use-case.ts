/**
 * Reading 业扩 cases: a filtered list, and one case with everything known about it — the database's record, the
 * open and completed tasks from the engine, and the whole-case time limit.
 */
import { Op, type WhereOptions } from 'sequelize';
import { Customer } from '../../db/core/customer-models';
import { Application, CaseArchive, SupplyScheme, loadCaseRecord } from '../../db/business-expansion';
import { containing } from '../../db/text-search';
import { notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import type { DomainServices } from '../domain-services';
import { parseQuery } from '../../lib/validation/parse-input';
import { caseTimeLimit } from '../time-limits';
import { caseTasks } from './case-tasks';
import { requireInScope, scopeWhere, shownPii, type PiiReader, type PiiRequest, type ScopeUser } from '../users';

const listInput = z.object({
  applicationNo: z.string().max(32).optional(),
  /** Customer number or a part of the name. */
  customer: z.string().max(64).optional(),
  state: z.string().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Cases of the reader's units only (decision 0025). */
export async function listApplications(reader: ScopeUser, query: unknown): Promise<Application[]> {
  const input = parseQuery(listInput, query, '业扩申请查询');
  const where: WhereOptions<Application>[] = [await scopeWhere(reader)];
  if (input.applicationNo) where.push({ applicationNo: input.applicationNo });
  if (input.state) where.push({ state: input.state });
  if (input.customer) {
    const customers = await Customer.findAll({
      attributes: ['id'],
      where: { [Op.or]: [{ customerNo: input.customer }, { name: containing(Customer.sequelize!, input.customer) }] },
    });
    where.push({ customerId: customers.map((customer) => customer.id) });
  }
  return Application.findAll({ where: { [Op.and]: where }, order: [['id', 'DESC']], limit: input.limit });
}

/** A case outside the reader's units is not found; the customer's numbers are masked unless revealed (users/pii-view). */
export async function getApplication(
  context: Pick<DomainServices, 'camunda'>,
  reader: ScopeUser & PiiReader,
  applicationNo: string,
  pii?: PiiRequest,
) {
  const application = await Application.findOne({ where: { applicationNo } });
  await requireInScope(reader, application?.unitCode, '业扩申请 / application', applicationNo);
  const record = await loadCaseRecord(applicationNo);
  if (!record) throw notFound('业扩申请 / application', applicationNo);
  if (record.customer) record.customer = await shownPii(reader, pii, `application:${applicationNo}`, record.customer);
  const tasks = application?.processInstanceKey ? await caseTasks(context.camunda, application.processInstanceKey) : [];
  const archive = await CaseArchive.findOne({ where: { applicationNo } });
  return {
    ...record,
    currentTasks: tasks.filter((task) => task.state === 'CREATED'),
    completedTasks: tasks.filter((task) => task.state === 'COMPLETED'),
    timeLimit: (await caseTimeLimit(applicationNo)) ?? null,
    archive: archive ? { archivedAt: archive.archivedAt, snapshot: archive.snapshot } : null,
  };
}

export async function getSupplyScheme(reader: ScopeUser, applicationNo: string): Promise<SupplyScheme> {
  const application = await Application.findOne({ where: { applicationNo } });
  await requireInScope(reader, application?.unitCode, '供电方案 / supply scheme', applicationNo);
  const scheme = await SupplyScheme.findOne({ where: { applicationNo } });
  if (!scheme) throw notFound('供电方案 / supply scheme', applicationNo);
  return scheme;
}
