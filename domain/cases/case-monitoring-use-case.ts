/**
 * A case as a manager sees it, found by its business key (application or work-order number): every process
 * instance carrying that key (the main one and those it called), each step with its name, state and times, the
 * open user tasks (each with its due-date notice) and the open incidents, the whole-case time limit and the due
 * dates moved by calendar changes (old → new, why) and how the case ended when it did not by its process (cancelled,
 * or found ended or gone); retrying an incident.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import {
  searchElementInstances,
  searchIncidents,
  searchProcessInstances,
  searchUserTasks,
  type EngineIncident,
  type EngineProcessInstance,
} from '../../lib/camunda/engine-api';
import { notFound } from '../../lib/errors/app-error';
import type { ScopeUser } from '../users';
import { requireCaseInScope } from './case-owners';
import { loadBusinessCalendar } from '../time-limits';
import { caseTimeLimit, dueDateChanges, withDueDateNotices } from '../time-limits';
import { caseEndingOf } from './case-endings';

/** Element kinds a manager reads as steps; gateways, flows and plain events are left out. */
export const STEP_TYPES = new Set([
  'USER_TASK',
  'SERVICE_TASK',
  'BUSINESS_RULE_TASK',
  'CALL_ACTIVITY',
  'RECEIVE_TASK',
  'INTERMEDIATE_CATCH_EVENT',
  'SUB_PROCESS',
  'END_EVENT',
  'BOUNDARY_EVENT',
]);

export async function instancesOfCase(camunda: CamundaClients, businessKey: string): Promise<EngineProcessInstance[]> {
  return searchProcessInstances(camunda, {
    filter: { variables: [{ name: 'businessKey', value: JSON.stringify(businessKey) }] },
    sort: [{ field: 'startDate', order: 'ASC' }],
    page: { limit: 100 },
  });
}

async function stepsOf(camunda: CamundaClients, instance: EngineProcessInstance) {
  const elements = await searchElementInstances(camunda, {
    filter: { processInstanceKey: instance.processInstanceKey },
    sort: [{ field: 'startDate', order: 'ASC' }],
    page: { limit: 1000 },
  });
  return elements
    .filter((element) => STEP_TYPES.has(element.type))
    .map((element) => ({
      elementId: element.elementId,
      name: element.elementName,
      type: element.type,
      state: element.state,
      startDate: element.startDate,
      endDate: element.endDate ?? null,
      hasIncident: element.hasIncident,
    }));
}

/** A case of another unit than the reader's is not found (decision 0025). */
export async function caseHistory(camunda: CamundaClients, reader: ScopeUser, businessKey: string) {
  await requireCaseInScope(reader, businessKey);
  const instances = await instancesOfCase(camunda, businessKey);
  if (instances.length === 0) throw notFound('业务流程 / case', businessKey);
  const processes = await Promise.all(
    instances.map(async (instance) => ({ ...instance, steps: await stepsOf(camunda, instance) })),
  );
  const perInstance = await Promise.all(
    instances.map(async ({ processInstanceKey }) => {
      const [tasks, incidents] = await Promise.all([
        searchUserTasks(camunda, { filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 100 } }),
        searchIncidents(camunda, { filter: { processInstanceKey, state: 'ACTIVE' }, page: { limit: 100 } }),
      ]);
      return { tasks, incidents };
    }),
  );
  return {
    businessKey,
    processes,
    openTasks: await withDueDateNotices(
      camunda,
      await loadBusinessCalendar(),
      perInstance.flatMap((found) => found.tasks),
    ),
    incidents: perInstance.flatMap((found) => found.incidents),
    /** The whole-case limit (with its notice while its due date may still move), when the case has one. */
    timeLimit: (await caseTimeLimit(businessKey)) ?? null,
    dueDateChanges: await dueDateChanges(businessKey),
    ending: await caseEndingOf(businessKey),
  };
}

/** Retries an open incident of the case (after its cause was fixed): its job gets a retry, the incident resolved. */
export async function resolveCaseIncident(
  camunda: CamundaClients,
  reader: ScopeUser,
  businessKey: string,
  incidentKey: string,
) {
  const history = await caseHistory(camunda, reader, businessKey);
  const incident = history.incidents.find((open) => open.incidentKey === incidentKey);
  if (!incident) throw notFound('故障 / incident', incidentKey);
  return retryIncident(camunda, incident);
}

/** An incident retried: its job (when it has one) gets a retry, the incident is resolved. */
export async function retryIncident(camunda: CamundaClients, incident: EngineIncident) {
  if (incident.jobKey) await camunda.zeebe.updateJobRetries({ jobKey: incident.jobKey, retries: 1 });
  await camunda.rest.resolveIncident(incident.incidentKey);
  return { resolved: incident.incidentKey };
}
