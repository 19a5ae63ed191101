import type { Job, UserTask } from '../../state/entities';
import { elementOf } from '../bpmn/behavior/element-lifecycle';
import { raiseIncident } from '../bpmn/behavior/incident-behavior';
import { createJob, evaluateJobDefinition } from '../bpmn/behavior/job-behavior';
import { assignmentHeaders } from '../bpmn/behavior/user-task-behavior';
import type { BpmnContext } from '../bpmn/bpmn-context';

/** The task's listeners for the event of the transition it is in, in model order. */
export const listenersFor = (ctx: BpmnContext, task: UserTask) => {
  const instance = ctx.state.elementInstances.get(task.elementInstanceKey);
  const element = instance && elementOf(ctx, instance);
  return element?.taskListeners.filter((listener) => listener.eventType === task.transition?.event) ?? [];
};

/** The user task's data go to the listener in reserved headers, as Zeebe gives them. */
function taskHeaders(task: UserTask): Record<string, string> {
  return {
    'io.camunda.zeebe:userTaskKey': String(task.key),
    'io.camunda.zeebe:action': task.transition?.action ?? '',
    'io.camunda.zeebe:changedAttributes': JSON.stringify(task.transition?.changedAttributes ?? []),
    'io.camunda.zeebe:priority': String(task.priority),
    ...assignmentHeaders(task),
    ...(task.formKey >= 0 ? { 'io.camunda.zeebe:formKey': String(task.formKey) } : {}),
  };
}

/** The job of the transition's listener at `index`; a failing type or retries expression raises an incident. */
export function createTaskListenerJob(ctx: BpmnContext, task: UserTask, index: number): void {
  const instance = ctx.state.elementInstances.get(task.elementInstanceKey)!;
  const listener = listenersFor(ctx, task)[index];
  const definition = evaluateJobDefinition(ctx, instance, listener);
  if (!definition.ok) {
    raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', definition.message);
    return;
  }
  const element = elementOf(ctx, instance);
  createJob(ctx, element, instance, definition.type, definition.retries, ctx.state.keys.next(), taskHeaders(task), {
    kind: 'TASK_LISTENER',
    listenerEventType: task.transition!.event.toUpperCase(),
    listenerIndex: index,
  });
}

/** Only these transitions may be denied; creating and canceling cannot (the docs' "Denying the lifecycle transition"). */
export const DENIABLE_EVENTS = ['ASSIGNING', 'COMPLETING', 'UPDATING'];

/**
 * Why a task listener's result cannot be taken, if it cannot: a denial of creating or canceling (Zeebe's rejection
 * text), or a creating listener correcting an assignee the process already gave (the process's would win silently).
 */
export function resultProblem(ctx: BpmnContext, job: Job, result: { denied?: boolean; corrections?: object }) {
  const event = job.listenerEventType ?? '';
  if (result.denied && !DENIABLE_EVENTS.includes(event)) {
    return (
      `Denying result is not supported for '${event}' task listener jobs (job key '${job.key}', type '${job.type}', ` +
      `processInstanceKey '${job.processInstanceKey}'). Only the following listener event types support denying: ` +
      `[${DENIABLE_EVENTS.join(', ')}].`
    );
  }
  const correctsAssignee = (result.corrections as { assignee?: unknown } | undefined)?.assignee != null;
  if (event !== 'CREATING' || !correctsAssignee) return undefined;
  const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
  const task = instance?.userTaskKey === undefined ? undefined : ctx.state.userTasks.get(instance.userTaskKey);
  if (!task?.transition?.before.assignee) return undefined;
  return (
    `Expected to complete creating task listener job with key '${job.key}' correcting the assignee, but the ` +
    `process already assigns the user task to '${task.transition.before.assignee}'; correct it in an assigning listener`
  );
}
