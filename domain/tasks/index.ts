/** The tasklist (people's steps of every process, as Zeebe user tasks): the public interface of the area. */
export {
  claimTask,
  completeInput,
  completeTask,
  listTasks,
  taskListInput,
  taskWithVariables,
  unclaimTask,
  type TaskUser,
} from './tasklist-use-case';
