/**
 * The executable form of a BPMN process: what the processors read at run time. Produced from BPMN XML by the
 * transformers in this folder; never mutated after a deployment.
 */

/** The BPMN element kinds the engine runs. Zeebe's element-type names (BpmnElementType) are derived from these. */
export type ElementKind =
  | 'process'
  | 'startEvent'
  | 'endEvent'
  | 'intermediateThrowEvent'
  | 'intermediateCatchEvent'
  | 'boundaryEvent'
  | 'serviceTask'
  | 'sendTask'
  | 'receiveTask'
  | 'businessRuleTask'
  | 'scriptTask'
  | 'userTask'
  | 'manualTask'
  | 'task'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway';

/** What kind of event an event element is; 'none' for plain start, end and throw events. */
export type EventKind =
  | 'none'
  | 'terminate'
  | 'message'
  | 'timer'
  | 'error'
  | 'escalation'
  | 'signal'
  | 'link'
  | 'compensation'
  | 'conditional';

/**
 * A value that is either static text or a FEEL expression. In BPMN a value starting with `=` is an expression;
 * `expression` holds the text after the `=`.
 */
export type ValueOrExpression = { kind: 'static'; value: string } | { kind: 'expression'; expression: string };

/** One zeebe:input or zeebe:output: `source` is FEEL (without the leading `=`), `target` a (dotted) name. */
export interface Mapping {
  source: string;
  target: string;
}

export interface JobDefinition {
  type: ValueOrExpression;
  /** default: static "3" */
  retries: ValueOrExpression;
  /** zeebe:taskHeaders, static. */
  headers: Record<string, string>;
}

export interface ScriptDefinition {
  /** FEEL, without the leading `=`. */
  expression: string;
  resultVariable: string;
}

/** A user task's assignment, schedule, priority and form (zeebe:assignmentDefinition, taskSchedule, ...). */
export interface UserTaskDefinition {
  /** true: a Zeebe user task (zeebe:userTask); false: a job-based one (job type io.camunda.zeebe:userTask). */
  zeebeUserTask: boolean;
  assignee?: ValueOrExpression;
  /** a list, or comma-separated when static */
  candidateGroups?: ValueOrExpression;
  candidateUsers?: ValueOrExpression;
  /** ISO 8601 date-times */
  dueDate?: ValueOrExpression;
  followUpDate?: ValueOrExpression;
  /** 0–100, default 50 */
  priority?: ValueOrExpression;
  /** A linked Camunda form (zeebe:formDefinition formId) and how its version is chosen. */
  formId?: string;
  formBinding?: 'latest' | 'deployment' | 'versionTag';
  formVersionTag?: string;
  externalFormReference?: string;
  /** An embedded or custom form key (job-based user tasks). */
  formKey?: string;
}

/** zeebe:executionListener: a job that runs before (start) or after (end) the element's own work. */
export interface ExecutionListenerDefinition {
  /** 'start' or 'end'; the validation rejects anything else. */
  eventType: string;
  type: ValueOrExpression;
  /** default: static "3" */
  retries: ValueOrExpression;
  /** the listener's own zeebe:taskHeaders, static */
  headers: Record<string, string>;
}

/** The user-task events a task listener may listen to (Camunda 8.8 names). */
export const TASK_LISTENER_EVENTS = ['creating', 'assigning', 'updating', 'completing', 'canceling'] as const;
export type TaskListenerEvent = (typeof TASK_LISTENER_EVENTS)[number];

/** zeebe:taskListener on a zeebe:userTask: a job that runs while the task's lifecycle transition waits. */
export interface TaskListenerDefinition {
  /** As written in the model; the validation rejects what is not a TaskListenerEvent. */
  eventType: string;
  type: ValueOrExpression;
  retries: ValueOrExpression;
}

/** zeebe:calledDecision of a business rule task. */
export interface CalledDecisionDefinition {
  decisionId: ValueOrExpression;
  resultVariable: string;
}

/** zeebe:calledElement of a call activity. */
export interface CalledElementDefinition {
  /** The called process's BPMN process id, static or FEEL. */
  processId: ValueOrExpression;
  /** default true: every child variable reaches the call activity when the child completes */
  propagateAllChildVariables: boolean;
  /** default true: every variable visible at the call activity is copied into the child */
  propagateAllParentVariables: boolean;
}

/** Multi-instance marker (bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics). */
export interface MultiInstanceDefinition {
  sequential: boolean;
  /** FEEL, without the leading `=`. */
  inputCollection?: string;
  inputElement?: string;
  outputCollection?: string;
  /** FEEL, without the leading `=`. */
  outputElement?: string;
  /** FEEL, without the leading `=`. */
  completionCondition?: string;
}

/** A message reference (bpmn:message): catch events and receive tasks subscribe with it; throw events name it. */
export interface MessageDefinition {
  /** bpmn:message name: static or `=expr`. */
  name: ValueOrExpression;
  /** zeebe:subscription correlationKey: always FEEL, without the leading `=`. */
  correlationKey?: string;
}

export type TimerKind = 'date' | 'duration' | 'cycle';

/** bpmn:timerEventDefinition: which of timeDate / timeDuration / timeCycle is set, and its body. */
export interface TimerDefinition {
  kind: TimerKind;
  /** Static text (ISO 8601 or cron, see timer-syntax.ts) or a FEEL expression. */
  value: ValueOrExpression;
}

/** bpmn:errorEventDefinition → bpmn:error. */
export interface ErrorDefinition {
  /**
   * Throw events: static or an expression. Catch events: always static; undefined means catch-all (no error
   * reference, or an empty code).
   */
  errorCode?: ValueOrExpression;
}

/** bpmn:escalationEventDefinition → bpmn:escalation; same rules as ErrorDefinition. */
export interface EscalationDefinition {
  escalationCode?: ValueOrExpression;
}

/** bpmn:signalEventDefinition → bpmn:signal. */
export interface SignalDefinition {
  name: ValueOrExpression;
}

/** bpmn:linkEventDefinition. */
export interface LinkDefinition {
  name: string;
}

/** bpmn:compensateEventDefinition on a compensation throw or end event. */
export interface CompensationDefinition {
  /** The activity to compensate; undefined: every completed activity of the scope. */
  activityRef?: string;
  /** default true */
  waitForCompletion: boolean;
}

/** bpmn:conditionalEventDefinition: a FEEL condition watched over the variables the event can see. */
export interface ConditionalDefinition {
  /** FEEL without the leading `=`; empty when the model gives none (validation reports it). */
  condition: string;
  /** The variables the condition reads (derived from the expression): only their changes re-evaluate it. */
  variableNames: string[];
  /** zeebe:conditionalFilter variableEvents: which changes re-evaluate it; undefined: both create and update. */
  variableEvents?: string[];
}

export interface ExecutableElement {
  id: string;
  name?: string;
  kind: ElementKind;
  eventKind: EventKind;
  /** Id of the enclosing flow scope: the process or a subprocess. Undefined for the process itself. */
  flowScopeId?: string;
  /** Sequence-flow ids, in BPMN XML order. */
  incoming: string[];
  outgoing: string[];
  inputMappings: Mapping[];
  outputMappings: Mapping[];
  /** Service tasks and other job-based elements. */
  job?: JobDefinition;
  /** zeebe:executionListeners, in model order. */
  executionListeners: ExecutionListenerDefinition[];
  /** zeebe:taskListeners of a user task, in model order. */
  taskListeners: TaskListenerDefinition[];
  /** Script task with zeebe:script. */
  script?: ScriptDefinition;
  /** Exclusive and inclusive gateways. */
  defaultFlowId?: string;
  /** Containers (process, subprocess): the ids of their direct children (flow nodes only). */
  childIds?: string[];
  /** Containers: the none start event that starts them. */
  noneStartEventId?: string;
  /** Boundary events: the activity they are attached to. */
  attachedToId?: string;
  /** Boundary events: true (the default) when the event interrupts the activity. */
  cancelActivity?: boolean;
  /** Activities marked multi-instance. */
  multiInstance?: MultiInstanceDefinition;
  /** Call activities: the process they call. */
  calledElement?: CalledElementDefinition;
  /** User tasks. */
  userTask?: UserTaskDefinition;
  /** Start events: the form a person fills in to start the process (zeebe:formDefinition). */
  startForm?: { formId?: string; formKey?: string; externalReference?: string };
  /** Business rule tasks that evaluate a DMN decision (the others are job-based). */
  calledDecision?: CalledDecisionDefinition;

  /**
   * Message start / intermediate catch / boundary / end / throw events and receive tasks (send tasks too when
   * they reference a message). Undefined when there is no message reference or the message has no name.
   */
  message?: MessageDefinition;
  /** Timer events; undefined when the definition has none of timeDate / timeDuration / timeCycle. */
  timer?: TimerDefinition;
  /** Error events (end: throw; boundary and event-subprocess start: catch). */
  error?: ErrorDefinition;
  /** Escalation events (intermediate throw and end: throw; boundary and event-subprocess start: catch). */
  escalation?: EscalationDefinition;
  /** Signal events; undefined when there is no signal reference or the signal has no name. */
  signal?: SignalDefinition;
  /** Link intermediate throw and catch events. */
  link?: LinkDefinition;
  /** Compensation intermediate throw and end events. */
  compensation?: CompensationDefinition;
  /** Conditional start (event subprocess), intermediate catch and boundary events. */
  conditional?: ConditionalDefinition;
  /** Compensation boundary events: the activity a bpmn:association connects them to (the handler). */
  compensationHandlerId?: string;
  /** Activities with isForCompensation="true" (compensation handlers); undefined otherwise. */
  isForCompensation?: boolean;
  /** Activities (tasks, call activities, subprocesses): their boundary events, in XML order. */
  boundaryEventIds?: string[];
  /** Containers (process, subprocess, event subprocess): the event subprocesses among their direct children. */
  eventSubProcessIds?: string[];
  /** Event subprocesses: their start event (the first, if a faulty model has several). */
  startEventId?: string;
  /** Start events inside event subprocesses: isInterrupting (default true). */
  interrupting?: boolean;
  /** Event-based gateways: the targets of their outgoing flows, in outgoing-flow order. */
  targetEventIds?: string[];
  /** The process element: its message, timer and signal start events (direct children), in XML order. */
  messageStartEventIds?: string[];
  timerStartEventIds?: string[];
  signalStartEventIds?: string[];
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL condition without the leading `=`; undefined for an unconditional flow. */
  condition?: string;
}

export interface ExecutableProcess {
  bpmnProcessId: string;
  name?: string;
  /** All flow nodes of the process, nested ones included, by id; the process itself is there too, kind 'process'. */
  elements: Map<string, ExecutableElement>;
  flows: Map<string, SequenceFlow>;
}

/** Zeebe's BpmnElementType for an element, as records and the REST API show it. */
export function bpmnElementType(element: ExecutableElement): string {
  switch (element.kind) {
    case 'process':
      return 'PROCESS';
    case 'subProcess':
      return 'SUB_PROCESS';
    case 'eventSubProcess':
      return 'EVENT_SUB_PROCESS';
    default:
      return element.kind.replace(/([A-Z])/g, '_$1').toUpperCase();
  }
}
