import type { UserTaskChangeset, Variables } from '../../engine-api';
import { failedPrecondition, invalidArgument, notFound } from '../../errors';
import type { UserTask } from '../../state/entities';
import type { CommandContext, CommandProcessor } from '../command-context';
import { runTransition, taskRecord } from './task-listener-behavior';

/**
 * User-task commands (docs/zeebe-rules.md §10): only a CREATED task takes them; 404 unknown, 409 in the wrong state.
 * Each starts a transition that its task listeners may hold up (task-listener-behavior).
 */

function taskFor(ctx: CommandContext, key: number, action: string): UserTask {
  const task = ctx.state.userTasks.get(key);
  if (!task) throw notFound(`Expected to ${action} user task with key '${key}', but no such task was found`);
  if (task.state !== 'CREATED') {
    throw failedPrecondition(`Expected to ${action} user task with key '${key}', but it is in state '${task.state}'`);
  }
  return task;
}

export const assignUserTaskProcessor: CommandProcessor<
  { userTaskKey: number; assignee: string; allowOverride: boolean; action: string },
  void | Promise<void>
> = (ctx, { userTaskKey, assignee, allowOverride, action }) => {
  const task = taskFor(ctx, userTaskKey, assignee ? 'assign' : 'unassign');
  if (assignee && !allowOverride && task.assignee && task.assignee !== assignee) {
    throw failedPrecondition(
      `Expected to assign user task with key '${userTaskKey}' to '${assignee}', but it is assigned to '${task.assignee}' and override was not allowed`,
    );
  }
  ctx.writer.append(
    'USER_TASK',
    'ASSIGNING',
    userTaskKey,
    taskRecord(task, { assignee, action, changedAttributes: ['assignee'] }),
  );
  return runTransition(ctx, userTaskKey);
};

export const updateUserTaskProcessor: CommandProcessor<
  { userTaskKey: number; changeset: UserTaskChangeset; action: string },
  void | Promise<void>
> = (ctx, { userTaskKey, changeset, action }) => {
  const task = taskFor(ctx, userTaskKey, 'update');
  for (const name of ['dueDate', 'followUpDate'] as const) {
    const value = changeset[name];
    if (value && Number.isNaN(Date.parse(value))) {
      throw invalidArgument(`Expected ${name} to be an ISO 8601 date-time, but was '${value}'`);
    }
  }
  if (
    changeset.priority !== undefined &&
    (!Number.isInteger(changeset.priority) || changeset.priority < 0 || changeset.priority > 100)
  ) {
    throw invalidArgument(`Expected priority to be an integer from 0 to 100, but was ${changeset.priority}`);
  }
  const defined = Object.fromEntries(Object.entries(changeset).filter(([, v]) => v !== undefined && v !== null));
  const updated = { ...task, ...defined };
  const changedAttributes = Object.keys(defined);
  ctx.writer.append('USER_TASK', 'UPDATING', userTaskKey, taskRecord(updated, { changedAttributes, action }));
  return runTransition(ctx, userTaskKey);
};

/**
 * Completion merges its variables like a job result (§10.6) and completes the element, once the completing
 * task listeners (if any) let it.
 */
export const completeUserTaskProcessor: CommandProcessor<
  { userTaskKey: number; variables: Variables; action: string },
  void | Promise<void>
> = (ctx, { userTaskKey, variables, action }) => {
  const task = taskFor(ctx, userTaskKey, 'complete');
  ctx.writer.append('USER_TASK', 'COMPLETING', userTaskKey, taskRecord(task, { variables, action }));
  return runTransition(ctx, userTaskKey);
};
