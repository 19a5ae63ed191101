import type { DecisionResult, DeployedProcess, JobResult, MigrateInstanceInput, Variables } from '../engine-api';
import type { DecisionRequirementsGraph } from '../dmn';
import type { ExecutableProcess } from '../model/executable-model';
import type {
  CompensationEntry,
  Decision,
  DecisionRequirements,
  ElementInstance,
  ElementInstanceState,
  FormDefinition,
  Incident,
  Job,
  ProcessDefinition,
  UserTask,
} from '../state/entities';
import type { BufferedMessage, EventSubscription } from '../state/event-entities';

/**
 * The records the engine writes, by value type: each value type's intents, the value each intent carries, and the
 * bookkeeping its appliers may get. Writers and appliers are typed by it (`RecordValueOf<'JOB', 'CREATED'>`), so
 * a value that does not fit its value type does not compile. Only types: the values are stored as the JSON they
 * always were.
 */

/** Every intent of `I` carries a value of type `T`. */
type Carrying<I extends string, T> = { [K in I]: T };

/** The value of a PROCESS_INSTANCE record about an element instance or a taken sequence flow. */
export interface ProcessInstanceRecordValue {
  bpmnElementType: string;
  elementId: string;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: number;
  processInstanceKey: number;
  flowScopeKey: number;
  bpmnEventType: string;
  parentProcessInstanceKey: number;
  parentElementInstanceKey: number;
  tenantId: string;
}

/** Facts an element's appliers need that are not part of the public record. */
export interface ElementBookkeeping {
  /** ACTIVATING: the tokens the activation consumes in its flow scope, and per incoming flow of a joining gateway. */
  consumedTokens?: number;
  consumedJoin?: Record<string, number>;
  /** ACTIVATING a compensation handler: the throw event waiting for it. */
  compensationThrowKey?: number;
  /** ACTIVATED: what the instance is now tied to. */
  jobKey?: number;
  calledInstanceKey?: number;
  userTaskKey?: number;
  loopCollection?: unknown[];
  /** COMPLETED by a terminate end event: its scope ends. */
  terminateEnd?: boolean;
  /** SEQUENCE_FLOW_TAKEN towards a joining gateway. */
  joinGatewayId?: string;
}

/** Job events carry the whole job as it is after the change, with the command's details. */
export type JobRecordValue = Omit<Job, 'key' | 'state'> &
  Partial<Pick<Job, 'key' | 'state'>> & {
    variables?: Variables;
    retryBackoff?: number;
    timeout?: number;
    /** CompleteJob of a task listener: whether it denied the transition, and the fields it corrected. */
    result?: JobResult;
  };

/** User-task events carry the whole task as it is after the change, with the command's details. */
export type UserTaskRecordValue = Omit<UserTask, 'key' | 'state'> &
  Partial<Pick<UserTask, 'key' | 'state'>> & { action?: string; variables?: Variables; changedAttributes?: string[] };

/** An event subscription (message, signal, timer) as its records carry it; correlations add the message. */
export type SubscriptionRecordValue = Omit<EventSubscription, 'key'> & {
  messageKey?: number;
  messageName?: string;
  messageCorrelationKey?: string;
  variables?: Variables;
};

export interface MessageRecordValue {
  name: string;
  correlationKey: string;
  variables: Variables;
  tenantId: string;
}

export type IncidentRecordValue = Omit<Incident, 'key'> & { key?: number };

export interface VariableRecordValue {
  name: string;
  /** The value as JSON. */
  value: string;
  scopeKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  tenantId: string;
}

export type CompensationRecordValue = CompensationEntry & {
  scopeKey: number;
  processInstanceKey: number;
  throwElementInstanceKey?: number;
};

export type DecisionEvaluationRecordValue = Omit<DecisionResult, 'decisionInstanceKey'> & {
  variables: Variables;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  elementInstanceKey: number;
  elementId: string;
};

type ProcessInstanceIntent = ElementInstanceState | 'SEQUENCE_FLOW_TAKEN';
/** A migrated record's definition and element before the migration (the query projections move their counts). */
export interface MigratedFrom {
  sourceProcessDefinitionKey: number;
  sourceElementId: string;
}

type SubscriptionRecords<I extends string> = { intents: Carrying<I, SubscriptionRecordValue> };

/** Zeebe's record value types as far as the engine writes them, with their intents and values. */
export interface RecordTypes {
  DEPLOYMENT: {
    intents: {
      CREATED: {
        tenantId: string;
        resources: Array<{ resourceName: string; checksum: string }>;
        processesMetadata: DeployedProcess[];
      };
    };
  };
  PROCESS: {
    intents: Carrying<'CREATED' | 'DELETED', Omit<ProcessDefinition, 'resource'>>;
    /** CREATED: the record carries no XML; the definition and its parsed model come here. */
    bookkeeping: { definition: ProcessDefinition; model: ExecutableProcess };
  };
  PROCESS_INSTANCE: {
    intents: Carrying<ProcessInstanceIntent, ProcessInstanceRecordValue> & {
      /** The element instance as it is after the migration, and where it was before (for the projections). */
      ELEMENT_MIGRATED: ElementInstance & MigratedFrom;
    };
    bookkeeping: ElementBookkeeping;
  };
  PROCESS_INSTANCE_CREATION: {
    intents: {
      CREATED: {
        processDefinitionKey: number;
        bpmnProcessId: string;
        version: number;
        processInstanceKey: number;
        tenantId: string;
        variables: Variables;
        startInstructions: Array<{ elementId: string }>;
      };
    };
  };
  JOB: {
    intents: Carrying<
      | 'CREATED'
      | 'COMPLETED'
      | 'CANCELED'
      | 'FAILED'
      | 'TIMED_OUT'
      | 'YIELDED'
      | 'RECURRED_AFTER_BACKOFF'
      | 'RETRIES_UPDATED'
      | 'TIMEOUT_UPDATED'
      | 'MIGRATED'
      | 'ERROR_THROWN',
      JobRecordValue
    >;
  };
  JOB_BATCH: {
    intents: {
      ACTIVATED: {
        type: string;
        worker: string;
        timeout: number;
        maxJobsToActivate: number;
        pushed: boolean;
        jobKeys: number[];
        jobs: Job[];
      };
    };
  };
  VARIABLE: { intents: Carrying<'CREATED' | 'UPDATED', VariableRecordValue> };
  VARIABLE_DOCUMENT: {
    intents: {
      UPDATED: {
        scopeKey: number;
        processInstanceKey: number;
        updateSemantics: 'LOCAL' | 'PROPAGATE';
        variables: Variables;
        tenantId: string;
      };
    };
  };
  INCIDENT: {
    intents: Carrying<'CREATED' | 'RESOLVED', IncidentRecordValue> & { MIGRATED: IncidentRecordValue & MigratedFrom };
  };
  RESOURCE_DELETION: { intents: { DELETED: { resourceKey: number; tenantId: string } } };
  TIMER: SubscriptionRecords<'CREATED' | 'CANCELED' | 'TRIGGERED' | 'MIGRATED'>;
  MESSAGE: {
    intents: {
      PUBLISHED: MessageRecordValue & {
        timeToLive: number;
        messageId: string;
        deadline: number;
        correlatedProcessIds: string[];
      };
      EXPIRED: BufferedMessage;
      /** Correlated at once (REST correlate): the first instance reached. */
      CORRELATED: MessageRecordValue & { processInstanceKey: number };
    };
  };
  PROCESS_MESSAGE_SUBSCRIPTION: SubscriptionRecords<'CREATED' | 'DELETED' | 'CORRELATED' | 'MIGRATED'>;
  MESSAGE_START_EVENT_SUBSCRIPTION: SubscriptionRecords<'CREATED' | 'DELETED' | 'CORRELATED'>;
  /** The engine clock pinned at `time` (epoch ms) or reset to the wall clock (`time`: the wall clock then). */
  CLOCK: { intents: { PINNED: { time: number }; RESETTED: { time: number } } };
  SIGNAL: { intents: { BROADCASTED: { signalName: string; variables: Variables; tenantId: string } } };
  SIGNAL_SUBSCRIPTION: SubscriptionRecords<'CREATED' | 'DELETED' | 'MIGRATED'>;
  /** A conditional event's subscription; TRIGGERED when its condition came out true (Zeebe 8.9's value type). */
  CONDITIONAL_SUBSCRIPTION: SubscriptionRecords<'CREATED' | 'TRIGGERED' | 'DELETED' | 'MIGRATED'>;
  ERROR: {
    intents: Carrying<
      'THROWN' | 'UNHANDLED',
      {
        errorCode: string;
        errorMessage: string;
        processInstanceKey: number;
        elementInstanceKey: number;
        catchElementId: string | null;
      }
    >;
  };
  ESCALATION: {
    intents: Carrying<
      'ESCALATED' | 'NOT_ESCALATED',
      { escalationCode: string; processInstanceKey: number; throwElementId: string; catchElementId: string | null }
    >;
  };
  PROCESS_EVENT: {
    intents: Carrying<
      'TRIGGERING' | 'TRIGGERED',
      {
        scopeKey: number;
        targetElementId: string;
        processInstanceKey: number;
        processDefinitionKey: number;
        interrupting: boolean;
        /** The event's variables, handed to the element when it is activated. */
        variables: Variables;
      }
    >;
  };
  COMPENSATION_SUBSCRIPTION: { intents: Carrying<'CREATED' | 'TRIGGERED', CompensationRecordValue> };
  USER_TASK: {
    intents: Carrying<
      | 'CREATING'
      | 'CREATED'
      | 'ASSIGNING'
      | 'ASSIGNED'
      | 'UPDATING'
      | 'UPDATED'
      | 'COMPLETING'
      | 'COMPLETED'
      | 'CANCELING'
      | 'CANCELED'
      | 'MIGRATED'
      | 'CORRECTED'
      | 'ASSIGNMENT_DENIED'
      | 'UPDATE_DENIED'
      | 'COMPLETION_DENIED',
      UserTaskRecordValue
    >;
  };
  FORM: {
    intents: {
      CREATED: Omit<FormDefinition, 'key'>;
      /** Without the schema. */
      DELETED: Omit<FormDefinition, 'key' | 'schema'>;
    };
  };
  DECISION_REQUIREMENTS: {
    intents: Carrying<'CREATED' | 'DELETED', Omit<DecisionRequirements, 'key' | 'resource'>>;
    /** CREATED: the record carries no XML; the requirements and their parsed graph come here. */
    bookkeeping: { requirements: DecisionRequirements; graph: DecisionRequirementsGraph };
  };
  DECISION: { intents: Carrying<'CREATED' | 'DELETED', Omit<Decision, 'key'>> };
  DECISION_EVALUATION: { intents: Carrying<'EVALUATED' | 'FAILED', DecisionEvaluationRecordValue> };
  PROCESS_INSTANCE_MODIFICATION: {
    intents: {
      MODIFIED: {
        processInstanceKey: number;
        activateInstructions: Array<{ elementId: string; ancestorElementInstanceKey: number }>;
        terminateInstructions: Array<{ elementInstanceKey: number }>;
      };
    };
  };
  PROCESS_INSTANCE_MIGRATION: {
    intents: {
      MIGRATED: {
        processInstanceKey: number;
        targetProcessDefinitionKey: number;
        mappingInstructions: MigrateInstanceInput['mappings'];
      };
    };
  };
}

export type ValueType = keyof RecordTypes;

/** The intents of value type `V` (of any of them, when `V` is a union). */
export type IntentOf<V extends ValueType> = V extends ValueType ? keyof RecordTypes[V]['intents'] & string : never;

/** The value a record of value type `V` and intent `I` carries. */
export type RecordValueOf<V extends ValueType, I extends IntentOf<V> = IntentOf<V>> = V extends ValueType
  ? I extends keyof RecordTypes[V]['intents']
    ? RecordTypes[V]['intents'][I]
    : never
  : never;

/** A value of any record. */
export type AnyRecordValue = { [V in ValueType]: RecordValueOf<V> }[ValueType];

/** What the appliers of value type `V` may get besides the value (never part of the stored record). */
export type BookkeepingOf<V extends ValueType> = RecordTypes[V] extends { bookkeeping: infer B } ? B : never;
