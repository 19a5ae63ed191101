/** The tasklist (people's steps of every process, as Zeebe user tasks): the public interface of the area. */
export {
  claimTask,
  completeInput,
  completeTask,
  listTasks,
  taskFormFor,
  taskWithVariables,
  unclaimTask,
  uploadStepFor,
} from './tasklist-use-case';
export { REQUIRED_DOCUMENTS_PROPERTY, requiredKindsIn, type TaskDocuments } from './task-documents';
export { DUE_STATES, TASK_AREAS, taskListInput, type TaskListItem, type TaskUser } from './task-list';
