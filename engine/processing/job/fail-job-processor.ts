import type { FailJobRequest, Variables } from '../../engine-api';
import { raiseIncident } from '../bpmn/behavior/incident-behavior';
import { mergeLocal } from '../bpmn/behavior/variable-behavior';
import type { CommandProcessor } from '../command-context';
import { jobFor, jobValue } from './job-lookup';

/**
 * FailJob: with retries left the job is activatable again (after the back-off, if any); with none, an incident.
 * Its variables go to the task's local scope.
 */
export const failJobProcessor: CommandProcessor<{ request: FailJobRequest; variables: Variables }, void> = (
  ctx,
  { request, variables },
) => {
  const job = jobFor(ctx, request.jobKey, 'fail', ['ACTIVATED']);
  const backOff = request.retries > 0 && (request.retryBackOff ?? 0) > 0 ? request.retryBackOff! : 0;
  const errorMessage = request.errorMessage ?? '';
  ctx.writer.append(
    'JOB',
    'FAILED',
    job.key,
    jobValue(job, {
      retries: request.retries,
      errorMessage,
      recurringAt: backOff ? ctx.now() + backOff : 0,
      retryBackoff: backOff,
      deadline: 0,
      variables,
    }),
  );
  const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
  if (instance) mergeLocal(ctx, instance.key, variables);
  if (request.retries <= 0) {
    if (instance) raiseIncident(ctx, instance, 'JOB_NO_RETRIES', errorMessage || 'No more retries left.', job.key);
  }
  ctx.effects.jobTypesAvailable.add(job.type);
};
