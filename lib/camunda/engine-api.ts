/**
 * The typed seam between the application and @camunda8/sdk's answers: the engine records the application reads
 * (user tasks, element and process instances, incidents, task variables) and the calls whose request types the SDK
 * states more narrowly than the engine accepts. Every cast of an SDK request or answer is here, once; callers pass
 * and get the project's own types. Only the package's top-level exports are used (never a path into its dist/).
 */
import type { CamundaRestApiTypes } from '@camunda8/sdk';
import type { CamundaClients } from './camunda-client';

export type EngineUserTask = CamundaRestApiTypes.UserTask;
export type EngineElementInstance = CamundaRestApiTypes.ElementInstanceDetails;
export type EngineProcessInstance = CamundaRestApiTypes.ProcessInstanceDetails;
export type EngineIncident = Awaited<ReturnType<CamundaClients['rest']['searchIncidents']>>['items'][number];

/**
 * A search as the application asks it. The SDK's request types require fields the REST API leaves optional and
 * have no room for the API's advanced filters (`{ $in: [...] }`, variable filters), hence the casts below.
 */
export interface EngineSearch {
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' }[];
  page?: { limit: number };
}

export async function searchUserTasks(camunda: CamundaClients, search: EngineSearch): Promise<EngineUserTask[]> {
  return (await camunda.rest.searchUserTasks(search as never)).items;
}

/**
 * A page of a search with the number of matches. Camunda's searches count up to 10,000 and then say there are more
 * (`hasMoreTotalItems`): `more` passes that on, and `total` is then a lower bound that the screens show as "10000+".
 */
export interface EnginePage<T> {
  items: T[];
  total: number;
  more: boolean;
}

/** A count read from a search's total: `more` when the engine stopped counting (`count` is then a lower bound). */
export interface EngineCount {
  count: number;
  more: boolean;
}

const pageOf = <T>(answer: { items: T[]; page: { totalItems: unknown; hasMoreTotalItems?: unknown } }) => ({
  items: answer.items,
  total: Number(answer.page.totalItems),
  more: answer.page.hasMoreTotalItems === true,
});

/** One page of a user-task search (`page.from` an offset) with the number of tasks the filter matches. */
export async function searchUserTaskPage(
  camunda: CamundaClients,
  search: Omit<EngineSearch, 'page'> & { page: { from: number; limit: number } },
): Promise<EnginePage<EngineUserTask>> {
  return pageOf(await camunda.rest.searchUserTasks(search as never));
}

/**
 * A page of a user-task search after a cursor (the `endCursor` of the page before; none for the first page), and
 * the cursor of its last task. Walking a long search this way reads each task once; with `from`, the engine would
 * step over all the earlier ones again for every page.
 */
export async function searchUserTasksAfter(
  camunda: CamundaClients,
  search: Omit<EngineSearch, 'page'> & { page: { limit: number; after?: string } },
): Promise<{ items: EngineUserTask[]; endCursor: string | undefined }> {
  const answer = await camunda.rest.searchUserTasks(search as never);
  const { endCursor } = answer.page as { endCursor?: unknown };
  return { items: answer.items, endCursor: typeof endCursor === 'string' ? endCursor : undefined };
}

export async function searchElementInstances(
  camunda: CamundaClients,
  search: EngineSearch,
): Promise<EngineElementInstance[]> {
  return (await camunda.rest.searchElementInstances(search as never)).items;
}

export async function searchProcessInstances(
  camunda: CamundaClients,
  search: EngineSearch,
): Promise<EngineProcessInstance[]> {
  return (await camunda.rest.searchProcessInstances(search as never)).items;
}

export async function searchIncidents(camunda: CamundaClients, search: EngineSearch): Promise<EngineIncident[]> {
  return (await camunda.rest.searchIncidents(search as never)).items;
}

export type EngineVariable = Awaited<ReturnType<CamundaClients['rest']['searchVariables']>>['items'][number];

/** Process variables as the engine holds them (values are JSON text). */
export async function searchVariables(camunda: CamundaClients, search: EngineSearch): Promise<EngineVariable[]> {
  return (await camunda.rest.searchVariables(search as never)).items;
}

/** A user task's variables by name, their JSON values parsed. */
export async function userTaskVariables(
  camunda: CamundaClients,
  userTaskKey: string,
  limit: number,
): Promise<Record<string, unknown>> {
  const found = await camunda.rest.searchUserTaskVariables({ userTaskKey, page: { limit } } as never);
  return Object.fromEntries(found.items.map((variable) => [variable.name, JSON.parse(variable.value) as unknown]));
}

/**
 * Starts an instance with the application's variables. They are JSON (validated input, database rows); the SDK's
 * JSONDoc type cannot say so of a Record<string, unknown>.
 */
export async function startProcess(
  camunda: CamundaClients,
  bpmnProcessId: string,
  variables: Record<string, unknown>,
): Promise<{ processInstanceKey: string }> {
  return camunda.zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never });
}

/** A deployed process's BPMN XML, for drawing a case's diagram. */
export async function processDefinitionXml(camunda: CamundaClients, processDefinitionKey: string): Promise<string> {
  const xml: unknown = await camunda.cluster.getProcessDefinitionXml({ processDefinitionKey } as never, {
    consistency: { waitUpToMs: 0 },
  });
  return String(xml);
}

/** The latest deployed version of a decision: its key and version, or undefined when none is deployed. */
export async function latestDecisionDefinition(
  camunda: CamundaClients,
  decisionDefinitionId: string,
): Promise<{ decisionDefinitionKey: string; version: number } | undefined> {
  const answer = (await camunda.cluster.searchDecisionDefinitions(
    { filter: { decisionDefinitionId }, sort: [{ field: 'version', order: 'DESC' }], page: { limit: 1 } } as never,
    { consistency: { waitUpToMs: 0 } },
  )) as { items?: { decisionDefinitionKey: string | number; version: number }[] };
  const found = answer.items?.[0];
  return found && { decisionDefinitionKey: String(found.decisionDefinitionKey), version: Number(found.version) };
}

/** A deployed decision's DMN XML (the whole definitions it was deployed in). */
export async function decisionDefinitionXml(camunda: CamundaClients, decisionDefinitionKey: string): Promise<string> {
  const xml: unknown = await camunda.cluster.getDecisionDefinitionXml({ decisionDefinitionKey } as never, {
    consistency: { waitUpToMs: 0 },
  });
  return String(xml);
}

/** The ids of the sequence flows an instance has taken so far. */
export async function takenSequenceFlows(camunda: CamundaClients, processInstanceKey: string): Promise<string[]> {
  const answer = (await camunda.cluster.getProcessInstanceSequenceFlows({ processInstanceKey } as never, {
    consistency: { waitUpToMs: 0 },
  })) as { items?: { sequenceFlowId?: string }[] };
  return (answer.items ?? []).flatMap((flow) => (flow.sequenceFlowId ? [flow.sequenceFlowId] : []));
}

/**
 * Starts the instance of `bpmnProcessId` whose businessKey is `businessKey` unless the engine already has one (a
 * start whose answer was lost to a crash or a timeout): the key of the one found or started. Callers record the
 * key; a record without one is a start to repeat through here (decision 0024).
 */
export async function startProcessOnce(
  camunda: CamundaClients,
  bpmnProcessId: string,
  variables: Record<string, unknown> & { businessKey: string },
): Promise<{ processInstanceKey: string }> {
  const [existing] = await searchProcessInstances(camunda, {
    filter: {
      processDefinitionId: bpmnProcessId,
      variables: [{ name: 'businessKey', value: JSON.stringify(variables.businessKey) }],
    },
    page: { limit: 1 },
  });
  if (existing) return { processInstanceKey: String(existing.processInstanceKey) };
  return startProcess(camunda, bpmnProcessId, variables);
}

/** One page of a process-instance search (`page.from` an offset) with the number of instances the filter matches. */
export async function searchProcessInstancePage(
  camunda: CamundaClients,
  search: Omit<EngineSearch, 'page'> & { page: { from: number; limit: number } },
): Promise<EnginePage<EngineProcessInstance>> {
  return pageOf(await camunda.rest.searchProcessInstances(search as never));
}

const countOf = ({ total, more }: EnginePage<unknown>): EngineCount => ({ count: total, more });

/** How many process instances match `filter` (a search of one item, read for its total). */
export async function countProcessInstances(
  camunda: CamundaClients,
  filter: Record<string, unknown>,
): Promise<EngineCount> {
  return countOf(await searchProcessInstancePage(camunda, { filter, page: { from: 0, limit: 1 } }));
}

/** How many user tasks match `filter`. */
export async function countUserTasks(camunda: CamundaClients, filter: Record<string, unknown>): Promise<EngineCount> {
  return countOf(await searchUserTaskPage(camunda, { filter, page: { from: 0, limit: 1 } }));
}

export interface EngineProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
}

/** Every deployed version of every process (the application deploys a handful; a page of 1,000 holds them). */
export async function searchProcessDefinitions(camunda: CamundaClients): Promise<EngineProcessDefinition[]> {
  const answer = (await camunda.cluster.searchProcessDefinitions(
    { page: { limit: 1000 }, sort: [{ field: 'version', order: 'DESC' }] } as never,
    { consistency: { waitUpToMs: 0 } },
  )) as unknown as { items: EngineProcessDefinition[] };
  return answer.items.map((item) => ({ ...item, processDefinitionKey: String(item.processDefinitionKey) }));
}

/** Per element of a diagram: instances active there, completed, cancelled (terminated) and with an incident. */
export interface ElementStatistics {
  elementId: string;
  active: number;
  completed: number;
  canceled: number;
  incidents: number;
}

/** The element statistics of one deployed version across its instances (those matching `filter` when given). */
export async function processDefinitionStatistics(
  camunda: CamundaClients,
  processDefinitionKey: string,
  filter?: Record<string, unknown>,
): Promise<ElementStatistics[]> {
  const answer = (await camunda.cluster.getProcessDefinitionStatistics(
    { processDefinitionKey, ...(filter ? { filter } : {}) } as never,
    { consistency: { waitUpToMs: 0 } },
  )) as unknown as { items: ElementStatistics[] };
  return answer.items;
}

/** The element statistics of one instance: how many of each element are active (a multi-instance step: many). */
export async function processInstanceStatistics(
  camunda: CamundaClients,
  processInstanceKey: string,
): Promise<ElementStatistics[]> {
  const answer = (await camunda.cluster.getProcessInstanceStatistics({ processInstanceKey } as never, {
    consistency: { waitUpToMs: 0 },
  })) as unknown as { items: ElementStatistics[] };
  return answer.items;
}

/** Sets variables on an instance's own scope (JSON values: what a manager typed, parsed). */
export async function setInstanceVariables(
  camunda: CamundaClients,
  processInstanceKey: string,
  variables: Record<string, unknown>,
): Promise<void> {
  await camunda.cluster.createElementInstanceVariables({
    elementInstanceKey: processInstanceKey,
    variables,
    local: true,
  } as never);
}
