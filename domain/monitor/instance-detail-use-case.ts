/**
 * One instance as the monitor draws it: its BPMN with the elements active (with how many of each), completed,
 * terminated and in trouble, the flows taken, each user task's time against its due date, the open incidents with
 * their messages, its variables, the instances it called and the one that called it. A case of another unit is
 * not found (decision 0025).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import {
  processDefinitionXml,
  processInstanceStatistics,
  searchElementInstances,
  searchIncidents,
  searchProcessInstances,
  searchUserTasks,
  searchVariables,
  takenSequenceFlows,
  type EngineProcessInstance,
} from '../../lib/camunda/engine-api';
import { appClock } from '../../lib/clock/app-clock';
import { notFound } from '../../lib/errors/app-error';
import { businessKeysOfInstances, requireCaseInScope, STEP_TYPES } from '../cases';
import { hasPermission, VARIABLES_EDIT, type PermissionUser, type ScopeUser } from '../users';

/** The instance, its business key, its scope checked. */
export async function monitoredInstance(
  camunda: CamundaClients,
  reader: ScopeUser,
  processInstanceKey: string,
): Promise<{ instance: EngineProcessInstance; businessKey: string | null }> {
  const [instance] = await searchProcessInstances(camunda, { filter: { processInstanceKey }, page: { limit: 1 } });
  if (!instance) throw notFound('流程实例 / process instance', processInstanceKey);
  const businessKey = (await businessKeysOfInstances(camunda, [processInstanceKey])).get(processInstanceKey) ?? null;
  if (businessKey) await requireCaseInScope(reader, businessKey);
  return { instance, businessKey };
}

const idsWhere = <T extends { elementId: string; type: string }>(elements: T[], keep: (element: T) => boolean) => [
  ...new Set(elements.filter((element) => STEP_TYPES.has(element.type) && keep(element)).map((e) => e.elementId)),
];

/** Each user task of the instance: when it opened and ended (or now), against its due date. */
async function stepTimes(camunda: CamundaClients, processInstanceKey: string) {
  const now = appClock.now().getTime();
  const tasks = await searchUserTasks(camunda, { filter: { processInstanceKey }, page: { limit: 500 } });
  return tasks.map((task) => {
    const ended = task.completionDate ? Date.parse(task.completionDate) : null;
    const due = task.dueDate ? Date.parse(task.dueDate) : null;
    return {
      elementId: task.elementId,
      name: task.name ?? task.elementId,
      state: task.state,
      startedAt: task.creationDate,
      endedAt: task.completionDate ?? null,
      dueDate: task.dueDate ?? null,
      /** Time taken so far by the application's clock (pinned in tests), to its end when it has ended. */
      usedMs: (ended ?? now) - Date.parse(task.creationDate),
      /** Past its due date: done late, or still open after it. */
      overdue: due !== null && (ended ?? now) > due,
    };
  });
}

export async function instanceDetail(
  camunda: CamundaClients,
  reader: ScopeUser & PermissionUser,
  processInstanceKey: string,
) {
  const { instance, businessKey } = await monitoredInstance(camunda, reader, processInstanceKey);
  const [xml, flows, elements, statistics, steps, incidents, variables, called, mayEditVariables] = await Promise.all([
    processDefinitionXml(camunda, String(instance.processDefinitionKey)),
    takenSequenceFlows(camunda, processInstanceKey),
    searchElementInstances(camunda, { filter: { processInstanceKey }, page: { limit: 1000 } }),
    processInstanceStatistics(camunda, processInstanceKey),
    stepTimes(camunda, processInstanceKey),
    searchIncidents(camunda, { filter: { processInstanceKey, state: 'ACTIVE' }, page: { limit: 100 } }),
    searchVariables(camunda, { filter: { processInstanceKey, scopeKey: processInstanceKey }, page: { limit: 500 } }),
    searchProcessInstances(camunda, { filter: { parentProcessInstanceKey: processInstanceKey }, page: { limit: 100 } }),
    hasPermission(reader, VARIABLES_EDIT),
  ]);
  return {
    processInstanceKey,
    businessKey,
    processDefinitionId: String(instance.processDefinitionId),
    processDefinitionName: instance.processDefinitionName ?? null,
    processDefinitionVersion: Number(instance.processDefinitionVersion),
    state: instance.state,
    startDate: String(instance.startDate),
    endDate: instance.endDate ? String(instance.endDate) : null,
    parentProcessInstanceKey: instance.parentProcessInstanceKey ? String(instance.parentProcessInstanceKey) : null,
    xml,
    active: statistics.filter((item) => item.active > 0).map(({ elementId, active }) => ({ elementId, count: active })),
    completed: idsWhere(elements, (element) => element.state === 'COMPLETED'),
    terminated: idsWhere(elements, (element) => element.state === 'TERMINATED'),
    incidentElements: idsWhere(elements, (element) => element.hasIncident),
    takenFlows: [...new Set(flows)],
    steps,
    incidents: incidents.map((incident) => ({
      incidentKey: String(incident.incidentKey),
      elementId: incident.elementId,
      errorType: incident.errorType,
      errorMessage: incident.errorMessage,
      creationTime: incident.creationTime,
    })),
    variables: variables
      .map((variable) => ({ name: variable.name, value: variable.value }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    called: called.map((child) => ({
      processInstanceKey: String(child.processInstanceKey),
      processDefinitionId: String(child.processDefinitionId),
      processDefinitionName: child.processDefinitionName ?? null,
      state: child.state,
    })),
    mayEditVariables,
  };
}
