import { failedPrecondition } from '../../errors';
import type { JobResult } from '../../engine-api';
import type { UserTaskRecordValue } from '../../records/record-values';
import type { Job, UserTask } from '../../state/entities';
import { completeElement, elementOf } from '../bpmn/behavior/element-lifecycle';
import { raiseIncident } from '../bpmn/behavior/incident-behavior';
import { createJob, evaluateJobDefinition } from '../bpmn/behavior/job-behavior';
import { mergeResult } from '../bpmn/behavior/variable-behavior';
import type { BpmnContext } from '../bpmn/bpmn-context';
import type { CommandContext } from '../command-context';

/**
 * Task listeners (Camunda 8.8): jobs of kind TASK_LISTENER that run, one after the other in model order, while a
 * user task's assigning, updating or completing transition waits. Each may correct the task's fields (the next
 * listener sees them) or deny the transition (the task goes back to what it was, corrections dropped, and the
 * caller's request is rejected). The caller is answered when the transition ends.
 */

/** The intents that end a transition that went through, and one that was denied. */
const FINISHED = { ASSIGNING: 'ASSIGNED', UPDATING: 'UPDATED', COMPLETING: 'COMPLETED' } as const;
const DENIED = { ASSIGNING: 'ASSIGNMENT_DENIED', UPDATING: 'UPDATE_DENIED', COMPLETING: 'COMPLETION_DENIED' } as const;
type TransitionState = keyof typeof FINISHED;

const isTransition = (state: string): state is TransitionState => state in FINISHED;

/** The task as a record value: its fields, without the transition bookkeeping. */
export function taskRecord(task: UserTask, extra: Partial<UserTaskRecordValue> = {}): UserTaskRecordValue {
  const { transition: _transition, ...fields } = task;
  return { ...fields, ...extra };
}

const listenersFor = (ctx: BpmnContext, task: UserTask) => {
  const instance = ctx.state.elementInstances.get(task.elementInstanceKey);
  const element = instance && elementOf(ctx, instance);
  return element?.taskListeners.filter((listener) => listener.eventType === task.transition?.event) ?? [];
};

/**
 * Right after a transition's first record (ASSIGNING, UPDATING, COMPLETING): the first listener's job, and the
 * caller waits; or, with no listeners, the transition ends at once.
 */
export function runTransition(ctx: CommandContext, userTaskKey: number): void | Promise<void> {
  const task = ctx.state.userTasks.get(userTaskKey)!;
  if (listenersFor(ctx, task).length === 0) return finishTransition(ctx, task);
  const answer = ctx.transitionWaiters.wait(userTaskKey);
  createTaskListenerJob(ctx, task, 0);
  return answer;
}

/** After an incident on a listener's expressions is resolved, the transition's listeners run from the first again. */
export function retryTransition(ctx: BpmnContext, task: UserTask): void {
  if (task.transition && listenersFor(ctx, task).length > 0) createTaskListenerJob(ctx, task, 0);
}

/** The user task's data go to the listener in reserved headers, as Zeebe gives them. */
function taskHeaders(task: UserTask): Record<string, string> {
  const headers: Record<string, string> = {
    'io.camunda.zeebe:userTaskKey': String(task.key),
    'io.camunda.zeebe:action': task.transition?.action ?? '',
    'io.camunda.zeebe:changedAttributes': JSON.stringify(task.transition?.changedAttributes ?? []),
    'io.camunda.zeebe:priority': String(task.priority),
  };
  const put = (name: string, value: string) => {
    if (value) headers[`io.camunda.zeebe:${name}`] = value;
  };
  put('assignee', task.assignee);
  put('candidateGroups', task.candidateGroups.length ? JSON.stringify(task.candidateGroups) : '');
  put('candidateUsers', task.candidateUsers.length ? JSON.stringify(task.candidateUsers) : '');
  put('dueDate', task.dueDate);
  put('followUpDate', task.followUpDate);
  put('formKey', task.formKey >= 0 ? String(task.formKey) : '');
  return headers;
}

function createTaskListenerJob(ctx: BpmnContext, task: UserTask, index: number): void {
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

/** The transition went through: the task takes its new state; a completion completes the element. */
function finishTransition(ctx: BpmnContext, task: UserTask): void {
  const transition = task.transition!;
  const state = task.state as TransitionState;
  ctx.writer.append(
    'USER_TASK',
    FINISHED[state],
    task.key,
    taskRecord(task, {
      action: transition.action,
      changedAttributes: transition.changedAttributes,
      ...(state === 'COMPLETING' ? { variables: transition.variables ?? {} } : {}),
    }),
  );
  ctx.effects.endedTransitions.set(task.key, undefined);
  if (state !== 'COMPLETING') return;
  const instance = ctx.state.elementInstances.get(task.elementInstanceKey);
  if (!instance) return;
  mergeResult(ctx, instance, elementOf(ctx, instance).outputMappings.length > 0, transition.variables ?? {});
  completeElement(ctx, instance);
}

/** The attributes whose value differs from what the task had before the transition. */
function changedSince(task: UserTask): string[] {
  const before = task.transition!.before;
  return (Object.keys(before) as (keyof typeof before)[]).filter(
    (name) => JSON.stringify(before[name]) !== JSON.stringify(task[name]),
  );
}

/** A task listener's job completed: deny, correct, then the next listener or the end of the transition. */
export function taskListenerCompleted(ctx: BpmnContext, job: Job, result: JobResult | undefined): void {
  const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
  const task = instance?.userTaskKey === undefined ? undefined : ctx.state.userTasks.get(instance.userTaskKey);
  if (!task?.transition || !isTransition(task.state)) return;
  const transition = task.transition;
  if (result?.denied) {
    ctx.writer.append(
      'USER_TASK',
      DENIED[task.state],
      task.key,
      taskRecord({ ...task, ...transition.before }, { action: transition.action }),
    );
    const reason = result.deniedReason ? ` Reason to deny: '${result.deniedReason}'` : '';
    ctx.effects.endedTransitions.set(
      task.key,
      failedPrecondition(
        `Command '${transition.event}' on user task with key '${task.key}' was denied by a task listener.${reason}`,
      ),
    );
    return;
  }
  let current = task;
  const corrections = Object.entries(result?.corrections ?? {}).filter(
    ([, value]) => value !== null && value !== undefined,
  );
  if (corrections.length > 0) {
    current = { ...task, ...Object.fromEntries(corrections) };
    // What changed with the event: what was asked for (unless a listener corrected it) and what now differs.
    const corrected = corrections.map(([name]) => name);
    const asked = transition.changedAttributes.filter((name) => !corrected.includes(name));
    const changedAttributes = [...new Set([...asked, ...changedSince(current)])];
    ctx.writer.append('USER_TASK', 'CORRECTED', task.key, taskRecord(current, { changedAttributes }));
    current = ctx.state.userTasks.get(task.key)!;
  }
  const next = (job.listenerIndex ?? 0) + 1;
  if (next < listenersFor(ctx, current).length) createTaskListenerJob(ctx, current, next);
  else finishTransition(ctx, current);
}
