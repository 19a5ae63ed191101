/**
 * `time-limit.due-date` (headers step, decision): the step's limit, due date and warning date as ONE variable
 * `timeLimit` = {step, amount, unit, startedAt, dueDate, warnDate} that the BPMN maps to `limit_<step>`; the limit
 * counts from the step's start or from the instant in the variable the decision names in `countFrom`.
 */
import { stepTimeLimit } from '../../domain/time-limits';
import type { WorkerDefinition } from '../worker-definition';
import { requireHeader, runJob } from '../job-input';

export const dueDateWorker: WorkerDefinition = {
  taskType: 'time-limit.due-date',
  variables: { headers: ['step', 'decision'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const step = requireHeader(job, 'step');
      const decision = requireHeader(job, 'decision');
      const timeLimit = await stepTimeLimit(context, { step, decision, variables: job.variables });
      return job.complete({ timeLimit });
    }),
};
