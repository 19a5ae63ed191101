/**
 * A case as a manager sees it, found by its business key (application or work-order number): every process
 * instance carrying that key (the main one and those it called), each step with its name, state and times, the
 * open user tasks (each with its due-date notice) and the open incidents, the whole-case time limit and the due
 * dates moved by calendar changes (old → new, why).
 */
import type { ElementInstanceDetails, ProcessInstanceDetails } from '@camunda8/sdk/dist/c8/lib/C8Dto';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { loadBusinessCalendar } from '../../lib/calendar';
import { notFound } from '../../lib/errors/app-error';
import { caseTimeLimit, dueDateChanges, withDueDateNotices } from '../time-limits';

/** Element kinds a manager reads as steps; gateways, flows and plain events are left out. */
const STEP_TYPES = new Set([
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

export async function instancesOfCase(camunda: CamundaClients, businessKey: string): Promise<ProcessInstanceDetails[]> {
  const result = await camunda.rest.searchProcessInstances({
    filter: { variables: [{ name: 'businessKey', value: JSON.stringify(businessKey) }] },
    sort: [{ field: 'startDate', order: 'ASC' }],
    page: { limit: 100 },
  } as never);
  return result.items;
}

async function stepsOf(camunda: CamundaClients, instance: ProcessInstanceDetails) {
  const elements = await camunda.rest.searchElementInstances({
    filter: { processInstanceKey: instance.processInstanceKey },
    sort: [{ field: 'startDate', order: 'ASC' }],
    page: { limit: 1000 },
  } as never);
  return elements.items
    .filter((element: ElementInstanceDetails) => STEP_TYPES.has(element.type))
    .map((element: ElementInstanceDetails) => ({
      elementId: element.elementId,
      name: element.elementName,
      type: element.type,
      state: element.state,
      startDate: element.startDate,
      endDate: element.endDate ?? null,
      hasIncident: element.hasIncident,
    }));
}

export async function caseHistory(camunda: CamundaClients, businessKey: string) {
  const instances = await instancesOfCase(camunda, businessKey);
  if (instances.length === 0) throw notFound('业务流程 / case', businessKey);
  const processes = await Promise.all(
    instances.map(async (instance) => ({ ...instance, steps: await stepsOf(camunda, instance) })),
  );
  const perInstance = await Promise.all(
    instances.map(async ({ processInstanceKey }) => {
      const [tasks, incidents] = await Promise.all([
        camunda.rest.searchUserTasks({
          filter: { processInstanceKey, state: 'CREATED' },
          page: { limit: 100 },
        } as never),
        camunda.rest.searchIncidents({
          filter: { processInstanceKey, state: 'ACTIVE' },
          page: { limit: 100 },
        } as never),
      ]);
      return { tasks: tasks.items, incidents: incidents.items };
    }),
  );
  const calendar = await loadBusinessCalendar();
  return {
    businessKey,
    processes,
    openTasks: await withDueDateNotices(
      camunda,
      calendar,
      perInstance.flatMap((found) => found.tasks),
    ),
    incidents: perInstance.flatMap((found) => found.incidents),
    /** The whole-case limit (with its notice while its due date may still move), when the case has one. */
    timeLimit: (await caseTimeLimit(businessKey)) ?? null,
    dueDateChanges: await dueDateChanges(businessKey),
  };
}
