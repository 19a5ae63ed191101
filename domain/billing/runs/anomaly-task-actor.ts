/**
 * Who decided an anomaly: the tasklist assigns a task to the user who completes it, and each anomaly task holds its
 * anomaly's id as a local variable, so the completed task with that id names the person. The engine's searches are
 * eventually consistent: the caller's job is retried while the completion is not listed yet.
 */
import type { CamundaClients } from '../../../lib/camunda/camunda-client';
import { searchUserTasks, userTaskVariables } from '../../../lib/camunda/engine-api';

export const ANOMALY_TASK = 'resolve_anomaly';

const POLL_MS = 100;
const WAIT_MS = 5_000;

async function findActor(camunda: CamundaClients, processInstanceKey: string, anomalyId: number) {
  const tasks = await searchUserTasks(camunda, {
    filter: { processInstanceKey, elementId: ANOMALY_TASK, state: 'COMPLETED' },
    sort: [{ field: 'userTaskKey', order: 'DESC' }],
    page: { limit: 200 },
  });
  for (const task of tasks) {
    const variables = await userTaskVariables(camunda, String(task.userTaskKey), 100);
    if (Number(variables.anomalyId) === anomalyId && task.assignee) return task.assignee;
  }
  return undefined;
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
