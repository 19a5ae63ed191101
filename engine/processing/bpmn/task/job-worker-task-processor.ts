import { enter, leave } from '../behavior/activity-behavior';
import { transitionToActivated, transitionToTerminated } from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { cancelJob, createJob, evaluateJobDefinition } from '../behavior/job-behavior';
import type { ElementProcessor } from '../bpmn-context';

/** A service task (or any job-based element): a job is created on activation; its completion completes the task. */
export const jobWorkerTaskProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const definition = evaluateJobDefinition(ctx, instance, element.job!);
    if (!definition.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', definition.message);
      return;
    }
    const jobKey = ctx.state.keys.next();
    transitionToActivated(ctx, instance, { jobKey });
    createJob(ctx, element, instance, definition.type, definition.retries, jobKey);
  },
  onComplete: leave,
  onTerminate(ctx, _element, instance) {
    cancelJob(ctx, instance.jobKey);
    transitionToTerminated(ctx, instance);
  },
};
