import { enter, leave } from '../behavior/activity-behavior';
import { transitionToActivated, transitionToTerminated } from '../behavior/element-lifecycle';
import { raiseIncident } from '../behavior/incident-behavior';
import { assignmentHeaders, evaluateUserTask } from '../behavior/user-task-behavior';
import type { ElementProcessor } from '../bpmn-context';
import { cancelUserTask, createUserTask } from '../../user-task/task-listener-behavior';
import { processorByElement } from './processor-by-element';
import { jobWorkerTaskProcessor } from './job-worker-task-processor';
import { createJob } from '../behavior/job-behavior';
import { JOB_BASED_USER_TASK_TYPE } from '../../../model/transform/extension/user-task-transformer';

/**
 * A Zeebe user task (zeebe:userTask): a task for people, with assignment, schedule, priority and form; completing
 * it (assign, update and complete commands) completes the element. A job-based user task is a job instead.
 */
const zeebeUserTaskProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const fields = evaluateUserTask(ctx, instance, element.userTask!);
    if (!fields.ok) return raiseIncident(ctx, instance, fields.errorType, fields.message);
    const { ok: _ok, ...task } = fields;
    // The element stays ACTIVATING until the task is created (after its creating listeners).
    createUserTask(ctx, ctx.state.keys.next(), {
      ...task,
      elementId: instance.elementId,
      elementInstanceKey: instance.key,
      processInstanceKey: instance.processInstanceKey,
      processDefinitionKey: instance.processDefinitionKey,
      bpmnProcessId: instance.bpmnProcessId,
      processDefinitionVersion: instance.version,
      tenantId: instance.tenantId,
      creationDate: ctx.now(),
    });
  },
  onComplete: leave,
  onTerminate(ctx, _element, instance) {
    const task = instance.userTaskKey === undefined ? undefined : ctx.state.userTasks.get(instance.userTaskKey);
    // The element stays TERMINATING until the task is canceled (after its canceling listeners).
    if (task) cancelUserTask(ctx, task);
    else transitionToTerminated(ctx, instance);
  },
};

/**
 * A job-based user task (no zeebe:userTask): a job of type io.camunda.zeebe:userTask whose headers carry the
 * evaluated assignment and schedule, as Zeebe gives them to a tasklist (candidates as JSON lists).
 */
const jobBasedUserTaskProcessor: ElementProcessor = {
  onActivate(ctx, element, instance) {
    if (!enter(ctx, element, instance)) return;
    const fields = evaluateUserTask(ctx, instance, { ...element.userTask!, formId: undefined });
    if (!fields.ok) return raiseIncident(ctx, instance, fields.errorType, fields.message);
    const headers = assignmentHeaders(fields);
    const jobKey = ctx.state.keys.next();
    transitionToActivated(ctx, instance, { jobKey });
    createJob(ctx, element, instance, JOB_BASED_USER_TASK_TYPE, 1, jobKey, headers);
  },
  onComplete: leave,
  onTerminate: jobWorkerTaskProcessor.onTerminate,
};

export const userTaskProcessor = processorByElement((element) =>
  element.userTask?.zeebeUserTask ? zeebeUserTaskProcessor : jobBasedUserTaskProcessor,
);
