import { failedPrecondition, notFound } from '../../errors';
import { elementOf } from '../bpmn/behavior/element-lifecycle';
import type { CommandProcessor } from '../command-context';
import { retryTransition } from '../user-task/task-listener-behavior';

/**
 * ResolveIncident: a job's incident makes the job activatable again (its retries must be raised first); any other
 * incident retries the step that failed: activation or completion of the element.
 */
export const resolveIncidentProcessor: CommandProcessor<{ incidentKey: number }, void> = (ctx, { incidentKey }) => {
  const incident = ctx.state.incidents.get(incidentKey);
  if (!incident) {
    throw notFound(`Expected to resolve incident with key '${incidentKey}', but no such incident was found`);
  }
  const job = incident.jobKey ? ctx.state.jobs.get(incident.jobKey) : undefined;
  if (job && incident.errorType === 'JOB_NO_RETRIES' && job.retries <= 0) {
    throw failedPrecondition(
      `Expected to resolve incident with key '${incidentKey}', but job '${job.key}' has no retries left; update its retries first`,
    );
  }
  ctx.writer.append('INCIDENT', 'RESOLVED', incidentKey, { ...incident });
  if (job) {
    ctx.effects.jobTypesAvailable.add(job.type);
    return;
  }
  const instance = ctx.state.elementInstances.get(incident.elementInstanceKey);
  if (!instance) return;
  const element = elementOf(ctx, instance);
  const task = instance.userTaskKey === undefined ? undefined : ctx.state.userTasks.get(instance.userTaskKey);
  // An incident while the task is in a transition came from a task listener's expressions (creating holds the
  // element ACTIVATING, canceling TERMINATING): the transition's listeners run again.
  if (task?.transition) return retryTransition(ctx, task);
  if (instance.state === 'ELEMENT_ACTIVATING') ctx.processorFor(element, instance).onActivate(ctx, element, instance);
  else if (instance.state === 'ELEMENT_COMPLETING')
    ctx.processorFor(element, instance).onComplete(ctx, element, instance);
};
