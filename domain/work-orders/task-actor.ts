/**
 * Who completed a user task: the tasklist API assigns a task to the user who completes it, so the assignee of the
 * latest COMPLETED instance of the element (or of any of several elements: the handling step differs by order
 * type) is that user. The engine's searches are eventually consistent — the
 * task this job follows may not be listed yet — so the caller says how many completions it expects (a loop runs
 * the same element again), and we wait briefly for them, else throw so that the job is retried.
 */
import { User } from '../../db/core/user-models';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchUserTasks } from '../../lib/camunda/engine-api';

export interface TaskActor {
  login: string;
  name: string | null;
}

const POLL_MS = 100;
const WAIT_MS = 5_000;

async function completedTasks(camunda: CamundaClients, processInstanceKey: string, elementIds: string[]) {
  const tasks = await searchUserTasks(camunda, {
    filter: {
      processInstanceKey,
      state: 'COMPLETED',
      ...(elementIds.length === 1 ? { elementId: elementIds[0] } : {}),
    },
    // Keys grow with time: the second sort decides between completions at the same (pinned) instant.
    sort: [
      { field: 'completionDate', order: 'DESC' },
      { field: 'userTaskKey', order: 'DESC' },
    ],
    page: { limit: 200 },
  });
  return tasks.filter((task) => elementIds.includes(task.elementId));
}

/** The actor of the `expected`-th completion of the elements in the instance (null when it had no assignee). */
export async function taskActor(
  camunda: CamundaClients,
  processInstanceKey: string,
  elementIds: string[],
  expected: number,
): Promise<TaskActor | null> {
  const deadline = Date.now() + WAIT_MS;
  const elementId = elementIds.join('|');
  for (;;) {
    const tasks = await completedTasks(camunda, processInstanceKey, elementIds);
    if (tasks.length >= expected) {
      const login = tasks[0].assignee;
      if (!login) return null;
      const user = await User.findOne({ where: { login } });
      return { login, name: user?.name ?? null };
    }
    if (Date.now() > deadline)
      throw new Error(`completed task ${elementId} #${expected} of instance ${processInstanceKey} not found yet`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
