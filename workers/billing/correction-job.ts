/**
 * What the correction workers read from a job: the correction number (businessKey) and who decided it — the
 * assignee of the completed approval task, as the engine's user-task search tells (the tasklist assigns the task to
 * whoever completes it).
 */
import { searchUserTasks } from '../../lib/camunda/engine-api';
import type { WorkerContext, WorkerJob } from '../worker-definition';

export { ModelError, requireBusinessKey, runJob } from '../job-input';

export const APPROVAL_TASK = 'approval';

/**
 * The approver. The engine's search may show the completion a moment after the job is created: it is asked a few
 * times, then the job fails for a retry.
 */
export async function approverOf(job: WorkerJob, context: WorkerContext): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const [task] = await searchUserTasks(context.camunda, {
      filter: { processInstanceKey: job.processInstanceKey, elementId: APPROVAL_TASK, state: 'COMPLETED' },
      sort: [{ field: 'creationDate', order: 'DESC' }],
      page: { limit: 1 },
    });
    if (task?.assignee) return task.assignee;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`approval task of ${job.processInstanceKey} not found completed yet`);
}

/** What the approver wrote: the comment, or on a rejection the reason (the form asks for it then). */
export function commentOf(job: WorkerJob, variable: 'approvalComment' | 'rejectionReason'): string | null {
  const value = job.variables[variable];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
