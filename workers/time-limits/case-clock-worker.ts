/**
 * `time-limit.case-clock` (header action = start | pause | resume | finish; start also needs headers decision and
 * step): the whole-case clock per businessKey (domain/time-limits).
 */
import { changeCaseClock, startCaseClock } from '../../domain/time-limits';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, requireBusinessKey, requireHeader, runJob } from '../job-input';

export const caseClockWorker: WorkerDefinition = {
  taskType: 'time-limit.case-clock',
  variables: { headers: ['action', 'step', 'decision'] },
  handle: (job, context) =>
    runJob(job, async () => {
      const action = requireHeader(job, 'action');
      const businessKey = requireBusinessKey(job);
      if (action === 'start')
        await startCaseClock(context, {
          businessKey,
          processInstanceKey: job.processInstanceKey,
          limitOf: () => ({ step: requireHeader(job, 'step'), decision: requireHeader(job, 'decision') }),
          variables: job.variables,
        });
      else if (action === 'pause' || action === 'resume' || action === 'finish')
        await changeCaseClock(businessKey, action);
      else throw new ModelError(`任务头 action 应为 start、pause、resume 或 finish / bad header action: ${action}`);
      return job.complete();
    }),
};
