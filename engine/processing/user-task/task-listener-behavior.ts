import { failedPrecondition } from '../../errors';
import type { JobResult } from '../../engine-api';
import type { UserTaskRecordValue } from '../../records/record-values';
import type { ElementInstance, Job, UserTask } from '../../state/entities';
import {
  completeElement,
  elementOf,
  transitionToActivated,
  transitionToTerminated,
} from '../bpmn/behavior/element-lifecycle';
import { mergeResult } from '../bpmn/behavior/variable-behavior';
import type { BpmnContext } from '../bpmn/bpmn-context';
import type { CommandContext } from '../command-context';
import { createTaskListenerJob, listenersFor } from './task-listener-jobs';

/**
 * Task listeners (Camunda 8.8): jobs of kind TASK_LISTENER that run, one after the other in model order, while a
 * user task's creating, assigning, updating, completing or canceling transition waits. Each may correct the
 * task's fields (the next listener sees them); on assigning, updating and completing it may also deny the
 * transition (the task goes back to what it was, corrections dropped, and the caller's request is rejected).
 * A caller is answered when the transition ends. Creating holds the element in ACTIVATING, canceling in
 * TERMINATING.
 */

/** The intents that end a transition that went through, and one that was denied. */
const FINISHED = {
  CREATING: 'CREATED',
  ASSIGNING: 'ASSIGNED',
  UPDATING: 'UPDATED',
  COMPLETING: 'COMPLETED',
  CANCELING: 'CANCELED',
} as const;
const DENIED = { ASSIGNING: 'ASSIGNMENT_DENIED', UPDATING: 'UPDATE_DENIED', COMPLETING: 'COMPLETION_DENIED' } as const;
type TransitionState = keyof typeof FINISHED;

const isTransition = (state: string): state is TransitionState => state in FINISHED;
const isDeniable = (state: string): state is keyof typeof DENIED => state in DENIED;

/** The task as a record value: its fields, without the transition bookkeeping. */
export function taskRecord(task: UserTask, extra: Partial<UserTaskRecordValue> = {}): UserTaskRecordValue {
  const { transition: _transition, ...fields } = task;
  return { ...fields, ...extra };
}

/** The first listener's job, or with no listeners the end of the transition at once. */
function proceed(ctx: BpmnContext, task: UserTask): void {
  if (listenersFor(ctx, task).length === 0) finishTransition(ctx, task);
  else createTaskListenerJob(ctx, task, 0);
}

/**
 * Right after a command's transition record (ASSIGNING, UPDATING, COMPLETING): the first listener's job, and the
 * caller waits; or, with no listeners, the transition ends at once.
 */
export function runTransition(ctx: CommandContext, userTaskKey: number): void | Promise<void> {
  const task = ctx.state.userTasks.get(userTaskKey)!;
  if (listenersFor(ctx, task).length === 0) return finishTransition(ctx, task);
  const answer = ctx.transitionWaiters.wait(userTaskKey);
  createTaskListenerJob(ctx, task, 0);
  return answer;
}

/** The element reached its user task: CREATING, its creating listeners, then CREATED (decision 0041). */
export function createUserTask(ctx: BpmnContext, key: number, value: UserTaskRecordValue): void {
  ctx.writer.append('USER_TASK', 'CREATING', key, { ...value, action: '', changedAttributes: [] });
  proceed(ctx, ctx.state.userTasks.get(key)!);
}

/**
 * The element is terminated: CANCELING, its canceling listeners (not when a modification terminates it), then
 * CANCELED and the element TERMINATED. A caller waiting for another transition hears that the task is gone.
 */
export function cancelUserTask(ctx: BpmnContext, task: UserTask): void {
  const pending = task.transition;
  ctx.writer.append('USER_TASK', 'CANCELING', task.key, taskRecord(task));
  if (pending) {
    ctx.effects.endedTransitions.set(
      task.key,
      failedPrecondition(
        `User task with key '${task.key}' was canceled before its '${pending.event}' transition ended`,
      ),
    );
  }
  const canceling = ctx.state.userTasks.get(task.key)!;
  if (ctx.termination.byModification) finishTransition(ctx, canceling);
  else proceed(ctx, canceling);
}

/** After an incident on a listener's expressions is resolved, the transition's listeners run from the first again. */
export function retryTransition(ctx: BpmnContext, task: UserTask): void {
  if (task.transition && listenersFor(ctx, task).length > 0) createTaskListenerJob(ctx, task, 0);
}

/** The transition went through: the task takes its new state, and the element goes on where it waited. */
function finishTransition(ctx: BpmnContext, task: UserTask): void {
  const transition = task.transition!;
  const state = task.state as TransitionState;
  const instance = ctx.state.elementInstances.get(task.elementInstanceKey);
  if (state === 'CREATING') return finishCreating(ctx, task, instance);
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
  if (!instance) return;
  if (state === 'CANCELING') return transitionToTerminated(ctx, instance);
  if (state !== 'COMPLETING') return;
  mergeResult(ctx, instance, elementOf(ctx, instance).outputMappings.length > 0, transition.variables ?? {});
  completeElement(ctx, instance);
}

/**
 * Created: the element is ACTIVATED. An assignee the process gave is not part of the created task; it is
 * assigned right after (ASSIGNING, with its assigning listeners), as Zeebe 8.8 does. An assignee a creating
 * listener set where the process gave none stays on the created task.
 */
function finishCreating(ctx: BpmnContext, task: UserTask, instance: ElementInstance | undefined): void {
  const initialAssignee = task.transition!.before.assignee;
  ctx.writer.append(
    'USER_TASK',
    'CREATED',
    task.key,
    taskRecord(task, { assignee: initialAssignee ? '' : task.assignee, action: '', changedAttributes: [] }),
  );
  if (instance) transitionToActivated(ctx, instance, { userTaskKey: task.key });
  if (!initialAssignee) return;
  const created = ctx.state.userTasks.get(task.key)!;
  ctx.writer.append(
    'USER_TASK',
    'ASSIGNING',
    task.key,
    taskRecord(created, { assignee: initialAssignee, action: '', changedAttributes: ['assignee'] }),
  );
  proceed(ctx, ctx.state.userTasks.get(task.key)!);
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
  // Creating and canceling cannot be denied: the job completion was rejected before (task-listener-jobs).
  if (result?.denied && isDeniable(task.state)) {
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
