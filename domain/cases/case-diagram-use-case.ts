/**
 * A case's process drawn as it stands: one of its instances (the main one unless another, e.g. a called
 * sub-process, is asked for) with its BPMN XML, the elements done, open and in trouble, and the flows taken; and
 * the case's history, step by step, with who did each user task and whether it met its due date.
 */
import {
  processDefinitionXml,
  searchElementInstances,
  searchUserTasks,
  takenSequenceFlows,
} from '../../lib/camunda/engine-api';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { notFound } from '../../lib/errors/app-error';
import { auditEntriesOn } from '../audit';
import type { ScopeUser } from '../users';
import { requireCaseInScope } from './case-owners';
import { byCreation } from './task-order';
import { instancesOfCase } from './case-monitoring-use-case';

const FLOW_TYPES = new Set(['SEQUENCE_FLOW', 'PROCESS']);

export async function caseDiagram(
  camunda: CamundaClients,
  reader: ScopeUser,
  businessKey: string,
  processInstanceKey?: string,
) {
  await requireCaseInScope(reader, businessKey);
  const instances = await instancesOfCase(camunda, businessKey);
  if (instances.length === 0) throw notFound('业务流程 / case', businessKey);
  const chosen = processInstanceKey
    ? instances.find((instance) => instance.processInstanceKey === processInstanceKey)
    : (instances.find((instance) => !instance.parentProcessInstanceKey) ?? instances[0]);
  if (!chosen) throw notFound('流程实例 / process instance', `${businessKey}/${processInstanceKey}`);
  const [xml, flows, elements] = await Promise.all([
    processDefinitionXml(camunda, chosen.processDefinitionKey),
    takenSequenceFlows(camunda, chosen.processInstanceKey),
    searchElementInstances(camunda, {
      filter: { processInstanceKey: chosen.processInstanceKey },
      page: { limit: 1000 },
    }),
  ]);
  const ids = (keep: (element: (typeof elements)[number]) => boolean) => [
    ...new Set(elements.filter((element) => !FLOW_TYPES.has(element.type) && keep(element)).map((e) => e.elementId)),
  ];
  return {
    businessKey,
    processInstanceKey: chosen.processInstanceKey,
    processDefinitionId: chosen.processDefinitionId,
    instances: instances.map((instance) => ({
      processInstanceKey: instance.processInstanceKey,
      processDefinitionId: instance.processDefinitionId,
      processDefinitionName: instance.processDefinitionName ?? null,
      parentProcessInstanceKey: instance.parentProcessInstanceKey ?? null,
      state: instance.state,
    })),
    xml,
    active: ids((element) => element.state === 'ACTIVE'),
    completed: ids((element) => element.state === 'COMPLETED'),
    terminated: ids((element) => element.state === 'TERMINATED'),
    incidents: ids((element) => element.hasIncident),
    takenFlows: [...new Set(flows)],
  };
}

/** What people did to a task beside completing it, as the history shows it (decision 0033). */
const TASK_MOVES = ['task.return', 'task.withdraw', 'task.assign'];

async function movesByTask(taskKeys: string[]) {
  const entries = await auditEntriesOn(
    taskKeys.map((key) => `task:${key}`),
    TASK_MOVES,
  );
  const byTask = new Map<
    string,
    { action: string; actor: string; at: Date; detail: Record<string, unknown> | null }[]
  >();
  for (const entry of entries) {
    const key = String(entry.target).slice('task:'.length);
    byTask.set(key, [
      ...(byTask.get(key) ?? []),
      { action: entry.action.slice('task.'.length), actor: entry.actor, at: entry.createdAt, detail: entry.detail },
    ]);
  }
  return byTask;
}

/**
 * Every user task of the case, oldest first: who had it, when it opened and ended, against its due date, and the
 * assignments, returns and withdrawals made on it (who, when, to whom or where, why).
 */
export async function caseTaskHistory(camunda: CamundaClients, reader: ScopeUser, businessKey: string) {
  await requireCaseInScope(reader, businessKey);
  const instances = await instancesOfCase(camunda, businessKey);
  if (instances.length === 0) throw notFound('业务流程 / case', businessKey);
  const tasks = (
    await Promise.all(
      instances.map(({ processInstanceKey }) =>
        searchUserTasks(camunda, { filter: { processInstanceKey }, page: { limit: 500 } }),
      ),
    )
  ).flat();
  const moves = await movesByTask(tasks.map((task) => String(task.userTaskKey)));
  return {
    businessKey,
    items: tasks
      .map((task) => {
        const ended = task.completionDate ?? null;
        const due = task.dueDate ?? null;
        return {
          userTaskKey: task.userTaskKey,
          processDefinitionId: task.processDefinitionId,
          elementId: task.elementId,
          name: task.name ?? task.elementId,
          state: task.state,
          assignee: task.assignee ?? null,
          createdAt: task.creationDate,
          completedAt: ended,
          dueDate: due,
          onTime: due && ended ? new Date(ended).getTime() <= new Date(due).getTime() : null,
          actions: moves.get(String(task.userTaskKey)) ?? [],
        };
      })
      .sort(byCreation),
  };
}
