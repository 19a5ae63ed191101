/**
 * Who a case belongs to, whatever its area (decision 0025): the unit that owns it (业扩 and 变更用电: the accepting
 * clerk's unit; 95598: the handling unit) and the person who started it (the accepting clerk or agent). A business
 * key no area knows (a process started outside the application) has no owner: unit scope and separation of duties
 * have nothing to judge it by.
 */
import { Op } from 'sequelize';
import { Application } from '../../db/business-expansion';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { WorkOrder, WorkOrderEvent } from '../../db/work-orders';
import { ArrearsCase } from '../../db/collection/collection-models';
import { caseKeysOutsideUnits } from '../../db/cases/case-unit-keys';
import { requireInScope, unitScope, type ScopeUser, type UnitScope } from '../users';

export interface CaseOwner {
  unitCode: string | null;
  startedBy: string | null;
}

export async function caseOwners(businessKeys: string[]): Promise<Map<string, CaseOwner>> {
  const keys = [...new Set(businessKeys)];
  const owners = new Map<string, CaseOwner>();
  if (keys.length === 0) return owners;
  const byNo = { where: { applicationNo: { [Op.in]: keys } } };
  const [expansions, changes, orders, created, arrears] = await Promise.all([
    Application.findAll(byNo),
    ChangeApplication.findAll(byNo),
    WorkOrder.findAll({ where: { orderNo: { [Op.in]: keys } } }),
    WorkOrderEvent.findAll({ where: { orderNo: { [Op.in]: keys }, kind: 'created' } }),
    ArrearsCase.findAll({ where: { caseNo: { [Op.in]: keys } } }),
  ]);
  for (const row of [...expansions, ...changes])
    owners.set(row.applicationNo, { unitCode: row.unitCode, startedBy: row.submittedBy });
  const agents = new Map(created.map((event) => [event.orderNo, event.actor]));
  for (const order of orders)
    owners.set(order.orderNo, { unitCode: order.handlingUnit, startedBy: agents.get(order.orderNo) ?? null });
  // An arrears case is opened by the daily run, not by a person: nobody is its starter.
  for (const found of arrears) owners.set(found.caseNo, { unitCode: found.unitCode, startedBy: null });
  return owners;
}

/** A known case outside the reader's units is not found (its existence is not revealed). */
export async function requireCaseInScope(reader: ScopeUser, businessKey: string): Promise<void> {
  const owner = (await caseOwners([businessKey])).get(businessKey);
  if (owner) await requireInScope(reader, owner.unitCode, '业务流程 / case', businessKey);
}

/**
 * The business keys of the cases outside the reader's units (none when the reader has no unit limit). A key no area
 * knows is in nobody's units and so never among them, as everywhere else in the scope rules.
 */
export async function caseKeysOutOfScope(reader: ScopeUser): Promise<string[]> {
  return caseKeysOutside(await unitScope(reader));
}

/** The business keys of the cases outside `scope` (none for no limit). */
export async function caseKeysOutside(scope: UnitScope): Promise<string[]> {
  if (scope === null) return [];
  return caseKeysOutsideUnits(scope);
}

/** The business keys of the cases one unit owns (the monitor's unit filter). */
export { caseKeysOfUnit } from '../../db/cases/case-unit-keys';
