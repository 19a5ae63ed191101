/**
 * Whole-case time-limit compliance over the cases finished in the period (cancelled ones kept no limit and broke
 * none), per unit (the case's owner, decision 0025) and per month (China time), and the 获得电力 view of the
 * finished 业扩 cases per customer class: how many links (distinct steps people did), the working days the case
 * clock counted (pauses while the case waited on the customer left out), and what the customer paid.
 */
import { Op } from 'sequelize';
import { Application, Fee } from '../../db/business-expansion';
import { CaseTimeLimit } from '../../db/time-limits/time-limit-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { chinaDayOf } from '../../lib/calendar';
import { businessKeysOfInstances, caseOwners } from '../cases';
import type { DashboardScope } from './dashboard-scope';
import { allUserTasks } from './engine-task-walk';
import { groupedBy, mean, rounded, share } from './statistics';

export interface ComplianceRow {
  key: string;
  finished: number;
  compliant: number;
  compliantShare: number | null;
}

export interface AccessRow {
  customerClass: string;
  cases: number;
  meanLinks: number | null;
  meanWorkingDays: number | null;
  /** Mean of what each case's fees came to, in fen (0 for a case without fees). */
  meanCostFen: number | null;
}

function complianceRows(cases: CaseTimeLimit[], keyOf: (row: CaseTimeLimit) => string): ComplianceRow[] {
  return [...groupedBy(cases, keyOf).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, rows]) => {
      const compliant = rows.filter((row) => row.compliant).length;
      return { key, finished: rows.length, compliant, compliantShare: rounded(share(compliant, rows.length)) };
    });
}

export async function finishedCases(scope: DashboardScope): Promise<CaseTimeLimit[]> {
  return CaseTimeLimit.findAll({
    where: {
      finishedAt: { [Op.gte]: scope.start, [Op.lt]: scope.end },
      cancelledAt: null,
      ...(scope.excluded.length ? { businessKey: { [Op.notIn]: scope.excluded } } : {}),
    },
  });
}

/** Distinct steps people completed per case, over the case's instances (a called one carries its caller's key). */
async function linksPerCase(camunda: CamundaClients, keys: string[]): Promise<Map<string, number>> {
  const steps = new Map<string, Set<string>>();
  if (keys.length === 0) return new Map();
  const tasks = await allUserTasks(camunda, {
    state: 'COMPLETED',
    processInstanceVariables: [{ name: 'businessKey', value: { $in: keys.map((key) => JSON.stringify(key)) } }],
  });
  const caseOf = await businessKeysOfInstances(camunda, [...new Set(tasks.map((t) => String(t.processInstanceKey)))]);
  for (const task of tasks) {
    const key = caseOf.get(String(task.processInstanceKey));
    if (key) steps.set(key, (steps.get(key) ?? new Set()).add(`${task.processDefinitionId} ${task.elementId}`));
  }
  return new Map([...steps.entries()].map(([key, found]) => [key, found.size]));
}

async function accessView(camunda: CamundaClients, cases: CaseTimeLimit[]): Promise<AccessRow[]> {
  const clocks = new Map(cases.map((row) => [row.businessKey, row]));
  const applications = await Application.findAll({ where: { applicationNo: { [Op.in]: [...clocks.keys()] } } });
  const keys = applications.map((application) => application.applicationNo);
  const fees = await Fee.findAll({ where: { applicationNo: { [Op.in]: keys } } });
  const cost = new Map<string, number>();
  for (const fee of fees) cost.set(fee.applicationNo, (cost.get(fee.applicationNo) ?? 0) + Number(fee.amountFen));
  const links = await linksPerCase(camunda, keys);
  const byClass = groupedBy(applications, (application) => application.customerClass ?? 'unclassified');
  return [...byClass.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([customerClass, rows]) => {
      const numbers = rows.map((row) => row.applicationNo);
      const workingDays = numbers
        .map((no) => clocks.get(no)!)
        .filter((clock) => clock.unit === 'WD' && clock.used !== null)
        .map((clock) => Number(clock.used));
      return {
        customerClass,
        cases: rows.length,
        meanLinks: rounded(mean(numbers.map((no) => links.get(no) ?? 0))),
        meanWorkingDays: rounded(mean(workingDays)),
        meanCostFen: rows.length ? Math.round(mean(numbers.map((no) => cost.get(no) ?? 0))!) : null,
      };
    });
}

export async function complianceDashboard(camunda: CamundaClients, scope: DashboardScope) {
  const cases = await finishedCases(scope);
  const owners = await caseOwners(cases.map((row) => row.businessKey));
  const compliant = cases.filter((row) => row.compliant).length;
  return {
    finished: cases.length,
    compliant,
    compliantShare: rounded(share(compliant, cases.length)),
    byUnit: complianceRows(cases, (row) => owners.get(row.businessKey)?.unitCode ?? 'none'),
    byMonth: complianceRows(cases, (row) => chinaDayOf(new Date(row.finishedAt!)).slice(0, 7)),
    access: await accessView(camunda, cases),
  };
}
