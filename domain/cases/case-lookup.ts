/**
 * Which business area a case number belongs to, read from the areas' own tables: a 业扩 application, a 变更用电
 * application or a 95598 work order. Areas that attach things to any case (documents, notices) start here.
 */
import { Application } from '../../db/business-expansion';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { WorkOrder } from '../../db/work-orders';
import { notFound } from '../../lib/errors/app-error';
import type { ScopeUser } from '../users';
import { requireCaseInScope } from './case-owners';

export type CaseArea = 'business-expansion' | 'change-of-use' | 'work-order';

export async function caseAreaOf(businessKey: string): Promise<CaseArea | undefined> {
  const [application, change, order] = await Promise.all([
    Application.findOne({ attributes: ['id'], where: { applicationNo: businessKey } }),
    ChangeApplication.findOne({ attributes: ['id'], where: { applicationNo: businessKey } }),
    WorkOrder.findOne({ attributes: ['id'], where: { orderNo: businessKey } }),
  ]);
  if (application) return 'business-expansion';
  if (change) return 'change-of-use';
  if (order) return 'work-order';
  return undefined;
}

export async function requireCaseArea(businessKey: string): Promise<CaseArea> {
  const area = await caseAreaOf(businessKey);
  if (!area) throw notFound('案件 / case', businessKey);
  return area;
}

/** The case's area, if the reader may see the case: one outside their units is not found (decision 0025). */
export async function requireCaseFor(reader: ScopeUser, businessKey: string): Promise<CaseArea> {
  const area = await requireCaseArea(businessKey);
  await requireCaseInScope(reader, businessKey);
  return area;
}
