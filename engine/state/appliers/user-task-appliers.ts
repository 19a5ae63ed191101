import type { UserTaskRecordValue } from '../../records/record-values';
import type { UserTask, UserTaskFields, UserTaskState, UserTaskTransition } from '../entities';
import type { EngineState } from '../engine-state';
import type { Appliers } from './applier';

/** User-task events carry the whole task as it is after the change; the intent says its state. */
const putTask =
  (next: UserTaskState) =>
  (state: EngineState, key: number, value: UserTaskRecordValue): void => {
    const { variables: _variables, action: _action, changedAttributes: _changed, ...fields } = value;
    state.userTasks.put({ ...fields, key, state: next, transition: undefined });
  };

const fieldsOf = (task: UserTask): UserTaskFields => ({
  assignee: task.assignee,
  candidateGroups: task.candidateGroups,
  candidateUsers: task.candidateUsers,
  dueDate: task.dueDate,
  followUpDate: task.followUpDate,
  priority: task.priority,
});

/** A transition starts: the task keeps what was asked for and what it was before, until its listeners are done. */
const beginTransition =
  (next: UserTaskState, event: string) =>
  (state: EngineState, key: number, value: UserTaskRecordValue): void => {
    const { variables, action, changedAttributes, ...fields } = value;
    const previous = state.userTasks.get(key);
    const before = previous ? fieldsOf(previous) : fieldsOf({ ...fields, key, state: next });
    const transition: UserTaskTransition = {
      event,
      action: action ?? '',
      changedAttributes: changedAttributes ?? [],
      before,
      ...(variables ? { variables } : {}),
    };
    state.userTasks.put({ ...fields, key, state: next, transition });
  };

/**
 * The task is being created: it exists (its creating listeners read it) and its element instance, still
 * ACTIVATING, already knows it, so that a listener's job or a termination finds it.
 */
const creating = (state: EngineState, key: number, value: UserTaskRecordValue): void => {
  beginTransition('CREATING', 'creating')(state, key, value);
  const instance = state.elementInstances.get(value.elementInstanceKey);
  if (!instance) return;
  instance.userTaskKey = key;
  state.elementInstances.save(instance);
};

/** A listener corrected fields: the task takes them and stays in its transition. */
const corrected = (state: EngineState, key: number, value: UserTaskRecordValue): void => {
  const task = state.userTasks.get(key);
  if (!task) return;
  const { variables: _variables, action: _action, changedAttributes, ...fields } = value;
  const transition = task.transition && { ...task.transition, changedAttributes: changedAttributes ?? [] };
  state.userTasks.put({ ...fields, key, state: task.state, transition });
};

export const userTaskAppliers: Appliers = {
  USER_TASK: {
    CREATING: creating,
    CREATED: putTask('CREATED'),
    ASSIGNING: beginTransition('ASSIGNING', 'assigning'),
    ASSIGNED: putTask('CREATED'),
    UPDATING: beginTransition('UPDATING', 'updating'),
    UPDATED: putTask('CREATED'),
    COMPLETING: beginTransition('COMPLETING', 'completing'),
    CORRECTED: corrected,
    // A denied transition: the record carries the task as it was before; it is CREATED again.
    ASSIGNMENT_DENIED: putTask('CREATED'),
    UPDATE_DENIED: putTask('CREATED'),
    COMPLETION_DENIED: putTask('CREATED'),
    COMPLETED: (state, key) => state.userTasks.remove(key),
    CANCELING: beginTransition('CANCELING', 'canceling'),
    MIGRATED: (state, key, value) => {
      const { variables: _variables, action: _action, changedAttributes: _changed, ...fields } = value;
      state.userTasks.put({ state: 'CREATED', ...fields, key });
    },
    CANCELED: (state, key) => state.userTasks.remove(key),
  },
};
