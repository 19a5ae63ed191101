/**
 * Who decided an anomaly: the tasklist assigns a task to the user who completes it, and each anomaly task holds its
 * anomaly's id as a local variable, so the completed task with that id names the person (and an open one is the
 * anomaly's task to link to). The engine's searches are eventually consistent: the caller's job is retried while the
 * completion is not listed yet.
 */
import type { CamundaClients } from '../../../lib/camunda/camunda-client';
import { searchUserTasks, userTaskVariables } from '../../../lib/camunda/engine-api';

export const ANOMALY_TASK = 'resolve_anomaly';

const POLL_MS = 100;
const WAIT_MS = 5_000;

/** The anomaly tasks of an instance in `state`, each with its anomaly's id (a local variable of the task). */
async function* anomalyTasks(camunda: CamundaClients, processInstanceKey: string, state: 'CREATED' | 'COMPLETED') {
  const tasks = await searchUserTasks(camunda, {
    filter: { processInstanceKey, elementId: ANOMALY_TASK, state },
    sort: [{ field: 'userTaskKey', order: 'DESC' }],
    page: { limit: 200 },
  });
  for (const task of tasks) {
    const variables = await userTaskVariables(camunda, String(task.userTaskKey), 100);
    yield { task, anomalyId: Number(variables.anomalyId) };
  }
}

async function findActor(camunda: CamundaClients, processInstanceKey: string, anomalyId: number) {
  for await (const { task, anomalyId: id } of anomalyTasks(camunda, processInstanceKey, 'COMPLETED'))
    if (id === anomalyId && task.assignee) return task.assignee;
  return undefined;
}

/** The open task of each of `anomalyIds` (a screen's link to it in the tasklist), as far as the engine lists them. */
export async function openAnomalyTaskKeys(
  camunda: CamundaClients,
  processInstanceKey: string,
  anomalyIds: number[],
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (anomalyIds.length === 0) return found;
  for await (const { task, anomalyId } of anomalyTasks(camunda, processInstanceKey, 'CREATED')) {
    if (anomalyIds.includes(anomalyId)) found.set(anomalyId, String(task.userTaskKey));
    if (found.size === anomalyIds.length) break;
  }
  return found;
}

export async function anomalyTaskActor(
  camunda: CamundaClients,
  processInstanceKey: string,
  anomalyId: number,
): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const actor = await findActor(camunda, processInstanceKey, anomalyId);
    if (actor) return actor;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`completed task of anomaly ${anomalyId} (instance ${processInstanceKey}) not listed yet`);
}
