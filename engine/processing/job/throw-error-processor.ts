import type { ThrowErrorRequest, Variables } from '../../engine-api';
import { failedPrecondition } from '../../errors';
import { throwError, uncaughtErrorMessage } from '../bpmn/behavior/error-behavior';
import { raiseIncident } from '../bpmn/behavior/incident-behavior';
import type { CommandProcessor } from '../command-context';
import { jobFor, jobValue } from './job-lookup';

/**
 * ThrowError: a BPMN error from a worker. It is caught by an error boundary event or error event subprocess from
 * the task outward (the task is terminated, its job with it), or it raises an UNHANDLED_ERROR_EVENT incident on
 * the task; resolving that ignores the error and makes the job activatable again.
 */
export const throwErrorProcessor: CommandProcessor<{ request: ThrowErrorRequest; variables: Variables }, void> = (
  ctx,
  { request, variables },
) => {
  const job = jobFor(ctx, request.jobKey, 'throw an error for', ['ACTIVATED', 'ACTIVATABLE']);
  // Listener jobs cannot throw BPMN errors: their element is not ACTIVATED (Zeebe rejects it the same way).
  if (job.kind && job.kind !== 'BPMN_ELEMENT') {
    throw failedPrecondition(
      `Expected to throw an error for job with key '${job.key}', but it is a ${job.kind} job; listener jobs cannot throw BPMN errors`,
    );
  }
  const errorMessage = request.errorMessage ?? '';
  ctx.writer.append(
    'JOB',
    'ERROR_THROWN',
    job.key,
    jobValue(job, { errorCode: request.errorCode, errorMessage, deadline: 0, variables }),
  );
  ctx.effects.jobTypesAvailable.add(job.type);
  const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
  if (!instance) return;
  if (throwError(ctx, instance, request.errorCode, errorMessage, variables)) return;
  raiseIncident(ctx, instance, 'UNHANDLED_ERROR_EVENT', uncaughtErrorMessage(request.errorCode, errorMessage), job.key);
};
