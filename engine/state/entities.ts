/** The shapes of the engine's live state, as kept in memory and stored as JSON rows. */

export interface ProcessDefinition {
  key: number;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  /** sha-256 of the resource content, hex */
  checksum: string;
  /** The BPMN XML the definition was deployed from (one resource may hold several processes). */
  resource: string;
  deploymentKey: number;
  tenantId: string;
  deployedAt: number;
}

export type ElementInstanceState =
  | 'ELEMENT_ACTIVATING'
  | 'ELEMENT_ACTIVATED'
  | 'ELEMENT_COMPLETING'
  | 'ELEMENT_COMPLETED'
  | 'ELEMENT_TERMINATING'
  | 'ELEMENT_TERMINATED';

export interface ElementInstance {
  key: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  elementId: string;
  bpmnElementType: string;
  /** -1 for the process instance itself */
  flowScopeKey: number;
  /** A process instance called by a call activity: the caller's instance and call-activity instance keys. */
  parentProcessInstanceKey?: number;
  parentElementInstanceKey?: number;
  /** A call activity: the process instance it called. */
  calledInstanceKey?: number;
  /** A user task element: its user task. */
  userTaskKey?: number;
  /** A multi-instance body: its input collection and how its inner instances ended so far. */
  loop?: { collection: unknown[]; activated: number; completed: number; terminated: number };
  tenantId: string;
  state: ElementInstanceState;
  /** Child element instances not yet completed or terminated. */
  activeChildren: number;
  /** Sequence flows taken inside this scope whose target has not been activated yet (tokens in flight). */
  pendingFlows: number;
  /** Per joining gateway id: how many times each incoming flow has been taken and not yet consumed. */
  joins?: Record<string, Record<string, number>>;
  /** Set when a terminate end event ended this scope: once its children are gone, it completes. */
  terminateEndReached?: boolean;
  /** Set when an interrupting event subprocess started in this scope: only it may still be activated here. */
  interruptingElementId?: string;
  /**
   * An interrupting event that waits to be activated (Zeebe's event trigger): on an activity, its boundary event,
   * activated once the activity is terminated; on a scope, its event subprocess, activated once the scope's other
   * children are terminated. Terminating may wait (a user task's canceling listeners), so this outlives a batch.
   */
  pendingEvent?: { elementId: string; variables: Record<string, unknown> };
  /** Completed activities of this scope that have a compensation handler, oldest first. */
  compensations?: CompensationEntry[];
  /** A compensation handler: the compensation throw event waiting for it. */
  compensationThrowKey?: number;
  jobKey?: number;
  /** The execution listener job the instance waits for, while one runs. */
  listenerJobKey?: number;
  /** How many start / end execution listeners have completed (the order is the model's). */
  completedListeners?: { start?: number; end?: number };
}

export interface CompensationEntry {
  /** the completed activity instance */
  elementInstanceKey: number;
  activityId: string;
  handlerId: string;
}

export interface VariableEntry {
  key: number;
  scopeKey: number;
  processInstanceKey: number;
  name: string;
  value: unknown;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

/** What a job is for, as Zeebe's JobKind names it: the element's own work, or a listener of it. */
export type JobKind = 'BPMN_ELEMENT' | 'EXECUTION_LISTENER' | 'TASK_LISTENER';

export interface Job {
  key: number;
  type: string;
  state: JobState;
  retries: number;
  worker: string;
  /** epoch ms; 0 when not activated */
  deadline: number;
  /** epoch ms when a back-off ends; 0 when none */
  recurringAt: number;
  errorMessage: string;
  errorCode?: string;
  customHeaders: Record<string, string>;
  elementId: string;
  elementInstanceKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  tenantId: string;
  /** Absent on jobs created before listeners existed: BPMN_ELEMENT. */
  kind?: JobKind;
  /** Listener jobs: START or END, or the user-task event (CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING). */
  listenerEventType?: string;
  /** Listener jobs: the listener's position among those of its event type. */
  listenerIndex?: number;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CONDITION_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
  | 'MESSAGE_SIZE_EXCEEDED'
  | 'FORM_NOT_FOUND'
  | 'UNKNOWN';

export interface Incident {
  key: number;
  errorType: IncidentErrorType;
  errorMessage: string;
  bpmnProcessId: string;
  processDefinitionKey: number;
  processInstanceKey: number;
  elementId: string;
  elementInstanceKey: number;
  /** 0 when the incident is not about a job */
  jobKey: number;
  variableScopeKey: number;
  tenantId: string;
  createdAt: number;
}

export interface FormDefinition {
  key: number;
  formId: string;
  version: number;
  /** The form's own version tag (its JSON `versionTag`), for binding by version tag. */
  versionTag?: string;
  resourceName: string;
  checksum: string;
  /** The Camunda Forms JSON schema, as deployed. */
  schema: string;
  deploymentKey: number;
  tenantId: string;
}

export type UserTaskState = 'CREATING' | 'CREATED' | 'ASSIGNING' | 'UPDATING' | 'COMPLETING' | 'CANCELING';

export interface UserTask {
  key: number;
  state: UserTaskState;
  elementId: string;
  elementInstanceKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  tenantId: string;
  /** '' when unassigned */
  assignee: string;
  candidateGroups: string[];
  candidateUsers: string[];
  /** ISO 8601 date-times, or '' */
  dueDate: string;
  followUpDate: string;
  priority: number;
  /** The linked form's key, or -1 */
  formKey: number;
  externalFormReference: string;
  /** epoch ms */
  creationDate: number;
  /** While a lifecycle transition (creating, assigning, updating, completing, canceling) waits for its listeners. */
  transition?: UserTaskTransition;
}

/** A user-task lifecycle transition in progress: what it was asked for and how to go back when it is denied. */
export interface UserTaskTransition {
  /** the task listener event: creating, assigning, updating, completing or canceling */
  event: string;
  action: string;
  changedAttributes: string[];
  /** Completion: the variables to merge once the listeners let it complete. */
  variables?: Record<string, unknown>;
  /** The task's fields before the transition, restored when a listener denies it. */
  before: UserTaskFields;
  /** The task listener job that runs, if one does. */
  listenerJobKey?: number;
}

/** The fields of a user task a transition or a listener's correction may change. */
export type UserTaskFields = Pick<
  UserTask,
  'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate' | 'priority'
>;

export interface DecisionRequirements {
  key: number;
  /** the DMN definitions id */
  decisionRequirementsId: string;
  name: string;
  version: number;
  resourceName: string;
  checksum: string;
  /** The DMN XML as deployed. */
  resource: string;
  deploymentKey: number;
  tenantId: string;
}

export interface Decision {
  key: number;
  decisionId: string;
  name: string;
  version: number;
  versionTag?: string;
  decisionRequirementsKey: number;
  decisionRequirementsId: string;
  tenantId: string;
}
