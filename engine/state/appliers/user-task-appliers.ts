import type { UserTask, UserTaskState } from '../entities';
import type { Applier, ApplierTable } from './applier-registry';

/** User-task events carry the whole task as it is after the change; the intent says its state. */
const putTask =
  (next: UserTaskState): Applier =>
  (state, key, value) => {
    const { variables: _variables, action: _action, changedAttributes: _changed, ...fields } = value;
    state.userTasks.put({ ...(fields as unknown as UserTask), key, state: next });
  };

export const userTaskAppliers: Record<string, ApplierTable> = {
  USER_TASK: {
    CREATED: putTask('CREATED'),
    ASSIGNING: putTask('ASSIGNING'),
    ASSIGNED: putTask('CREATED'),
    UPDATING: putTask('UPDATING'),
    UPDATED: putTask('CREATED'),
    COMPLETING: putTask('COMPLETING'),
    COMPLETED: (state, key) => state.userTasks.remove(key),
    CANCELING: putTask('CANCELING'),
    MIGRATED: (state, key, value) => {
      const { variables: _variables, ...fields } = value;
      state.userTasks.put({ ...(fields as unknown as UserTask), key });
    },
    CANCELED: (state, key) => state.userTasks.remove(key),
  },
};
