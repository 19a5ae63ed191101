import type { ThrowErrorRequest, Variables } from '../../engine-api';
import { raiseIncident } from '../bpmn/behavior/incident-behavior';
import type { CommandProcessor } from '../command-context';
import { jobFor, jobValue } from './job-lookup';

/**
 * ThrowError: a BPMN error from a worker. Error catch events arrive with a later part of the engine; until then no
 * error is ever caught, so it raises an UNHANDLED_ERROR_EVENT incident on the task, as Zeebe does for an uncaught
 * error. Resolving it ignores the error and makes the job activatable again.
 */
export const throwErrorProcessor: CommandProcessor<{ request: ThrowErrorRequest; variables: Variables }, void> = (
  ctx,
  { request, variables },
) => {
  const job = jobFor(ctx, request.jobKey, 'throw an error for', ['ACTIVATED', 'ACTIVATABLE']);
  const errorMessage = request.errorMessage ?? '';
  ctx.writer.append(
    'JOB',
    'ERROR_THROWN',
    job.key,
    jobValue(job, { errorCode: request.errorCode, errorMessage, deadline: 0, variables }),
  );
  const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
  if (!instance) return;
  raiseIncident(
    ctx,
    instance,
    'UNHANDLED_ERROR_EVENT',
    `Expected to throw an error event with the code '${request.errorCode}' with message '${errorMessage}', but it was not caught. No error events are available in the scope.`,
    job.key,
  );
};
