import type { UserTaskView } from '../../../engine-api';

/** The REST v2 user-task shape: keys as strings, dates as ISO strings, absent values left out. */
export function toUserTaskResponse(task: UserTaskView): Record<string, unknown> {
  return {
    userTaskKey: String(task.userTaskKey),
    name: task.name,
    state: task.state,
    elementId: task.elementId,
    elementInstanceKey: String(task.elementInstanceKey),
    processInstanceKey: String(task.processInstanceKey),
    processDefinitionKey: String(task.processDefinitionKey),
    processDefinitionId: task.bpmnProcessId,
    processDefinitionVersion: task.processDefinitionVersion,
    tenantId: task.tenantId,
    ...(task.assignee ? { assignee: task.assignee } : {}),
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    ...(task.dueDate ? { dueDate: task.dueDate } : {}),
    ...(task.followUpDate ? { followUpDate: task.followUpDate } : {}),
    priority: task.priority,
    ...(task.formKey >= 0 ? { formKey: String(task.formKey) } : {}),
    ...(task.externalFormReference ? { externalFormReference: task.externalFormReference } : {}),
    creationDate: new Date(task.creationDate).toISOString(),
  };
}
