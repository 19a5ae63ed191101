import type { UserTaskRecordValue } from '../../records/record-values';
import type { UserTaskState } from '../entities';
import type { EngineState } from '../engine-state';
import type { Appliers } from './applier';

/** User-task events carry the whole task as it is after the change; the intent says its state. */
const putTask =
  (next: UserTaskState) =>
  (state: EngineState, key: number, value: UserTaskRecordValue): void => {
    const { variables: _variables, action: _action, changedAttributes: _changed, ...fields } = value;
    state.userTasks.put({ ...fields, key, state: next });
  };

export const userTaskAppliers: Appliers = {
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
      const { variables: _variables, action: _action, changedAttributes: _changed, ...fields } = value;
      state.userTasks.put({ state: 'CREATED', ...fields, key });
    },
    CANCELED: (state, key) => state.userTasks.remove(key),
  },
};
