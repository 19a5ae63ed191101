import type { Variables } from '../../engine-api';
import { invalidArgument } from '../../errors';
import type { JobResult } from '../../engine-api';
import { completeElement, elementOf } from '../bpmn/behavior/element-lifecycle';
import { executionListenerCompleted } from '../bpmn/behavior/execution-listener-behavior';
import { mergeResult } from '../bpmn/behavior/variable-behavior';
import type { CommandProcessor } from '../command-context';
import { taskListenerCompleted } from '../user-task/task-listener-behavior';
import { resultProblem } from '../user-task/task-listener-jobs';
import { jobFor, jobValue } from './job-lookup';

/**
 * CompleteJob: the result merges into the task's scopes, then the task completes (output mappings on the way). A
 * listener's job instead lets its element (execution listener) or user task (task listener) go on.
 */
export const completeJobProcessor: CommandProcessor<
  { jobKey: number; variables: Variables; result?: JobResult },
  void
> = (ctx, { jobKey, variables, result }) => {
  const job = jobFor(ctx, jobKey, 'complete', ['ACTIVATED', 'ACTIVATABLE']);
  if (result && job.kind !== 'TASK_LISTENER') {
    throw invalidArgument(
      `Expected to complete job with key '${jobKey}' with a user task result, but it is not a task listener job`,
    );
  }
  if (job.kind === 'TASK_LISTENER' && Object.keys(variables).length > 0) {
    throw invalidArgument(
      `Expected to complete task listener job with key '${jobKey}' without variables, but variables were given`,
    );
  }
  const problem = result && job.kind === 'TASK_LISTENER' ? resultProblem(ctx, job, result) : undefined;
  if (problem) throw invalidArgument(problem);
  ctx.writer.append('JOB', 'COMPLETED', jobKey, jobValue(job, { variables, ...(result ? { result } : {}) }));
  // A worker is free again: waiting jobs of the type may go to it.
  ctx.effects.jobTypesAvailable.add(job.type);
  const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
  if (!instance) return;
  const element = elementOf(ctx, instance);
  if (job.kind === 'EXECUTION_LISTENER') {
    return executionListenerCompleted(ctx, job, instance, element, ctx.processorFor(element, instance), variables);
  }
  if (job.kind === 'TASK_LISTENER') return taskListenerCompleted(ctx, job, result);
  mergeResult(ctx, instance, element.outputMappings.length > 0, variables);
  completeElement(ctx, instance);
};
