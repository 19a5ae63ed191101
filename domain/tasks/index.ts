/** The tasklist (people's steps of every process, as Zeebe user tasks): the public interface of the area. */
export { claimTask, completeInput, completeTask, listTasks, unclaimTask, uploadStepFor } from './tasklist-use-case';
export { REQUIRED_DOCUMENTS_PROPERTY, requiredKindsIn, type TaskDocuments } from './task-documents';
export { DUE_STATES, TASK_AREAS, taskListInput, type TaskListItem, type TaskUser } from './task-list';
export { assignInput, assignTask, taskAssignees } from './task-assign-use-case';
export { returnInput, returnTask } from './task-return-use-case';
export { withdrawInput, withdrawTask } from './task-withdraw-use-case';
export { taskDetails, taskFormOf, type TaskActions } from './task-actions';
// The dashboards read the open tasks as the tasklist does
export { scanByWarnDate } from './task-warn-scan';
