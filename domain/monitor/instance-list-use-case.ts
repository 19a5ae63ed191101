/**
 * The monitor's instance list: one page of the engine's process-instance search (filter in instance-filter.ts),
 * each row with its case number, customer, open incident and whether a task of it is overdue.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchProcessInstancePage } from '../../lib/camunda/engine-api';
import { businessKeysOfInstances, caseCustomerNames } from '../cases';
import type { ScopeUser } from '../users';
import { instanceSearchFilter, requireConsistentFilter, type InstanceListInput } from './instance-filter';
import { overdueAmong } from './overdue-steps';

export interface InstanceRow {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  businessKey: string | null;
  customerName: string | null;
  state: string;
  hasIncident: boolean;
  overdue: boolean;
  startDate: string;
  endDate: string | null;
}

export async function listInstances(camunda: CamundaClients, reader: ScopeUser, input: InstanceListInput) {
  requireConsistentFilter(input);
  const { filter, capped } = await instanceSearchFilter(camunda, reader, input);
  // `capped`: the limits that may have left matching instances out (the screen says so).
  // `totalAtLeast`: the engine stopped counting at its limit (10,000), so `total` is a lower bound.
  const empty = {
    items: [] as InstanceRow[],
    total: 0,
    totalAtLeast: false,
    page: input.page,
    size: input.size,
    capped,
  };
  if (!filter) return empty;
  const page = await searchProcessInstancePage(camunda, {
    filter,
    sort: [
      { field: input.sort, order: input.order === 'asc' ? 'ASC' : 'DESC' },
      { field: 'processInstanceKey', order: 'DESC' },
    ],
    page: { from: (input.page - 1) * input.size, limit: input.size },
  });
  const keysByInstance = await businessKeysOfInstances(
    camunda,
    page.items.map((item) => String(item.processInstanceKey)),
  );
  const caseKeys = [...new Set(keysByInstance.values())];
  const [customers, overdue] = await Promise.all([caseCustomerNames(caseKeys), overdueAmong(camunda, caseKeys)]);
  const items: InstanceRow[] = page.items.map((item) => {
    const businessKey = keysByInstance.get(String(item.processInstanceKey)) ?? null;
    return {
      processInstanceKey: String(item.processInstanceKey),
      processDefinitionId: String(item.processDefinitionId),
      processDefinitionName: item.processDefinitionName ?? null,
      processDefinitionVersion: Number(item.processDefinitionVersion),
      businessKey,
      customerName: businessKey ? (customers.get(businessKey) ?? null) : null,
      state: item.state,
      hasIncident: Boolean(item.hasIncident),
      overdue: item.state === 'ACTIVE' && businessKey !== null && overdue.has(businessKey),
      startDate: String(item.startDate),
      endDate: item.endDate ? String(item.endDate) : null,
    };
  });
  return { ...empty, items, total: page.total, totalAtLeast: page.more };
}
