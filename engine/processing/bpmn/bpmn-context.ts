import type { Variables } from '../../engine-api';
import type { ExecutableElement } from '../../model/executable-model';
import type { EngineState } from '../../state/engine-state';
import type { ElementInstance, ProcessDefinition } from '../../state/entities';
import type { EventWriter } from '../event-writer';

/**
 * What to activate in a scope instead of its none start event: an element, its locals, and — when it is a flow
 * scope created for the purpose — what to activate inside it (behavior/activation-plan.ts).
 */
export interface ActivationPlan {
  elementId: string;
  /** Variable documents set as the new instance's locals before it activates (before its input mappings). */
  variables: Variables[];
  inside: ActivationPlan[];
}

/** Follow-up commands a processor hands back to the batch; they run before the batch commits. */
export type BpmnCommand =
  | {
      intent: 'ACTIVATE_ELEMENT';
      key: number;
      processDefinitionKey: number;
      processInstanceKey: number;
      elementId: string;
      flowScopeKey: number;
      /** Tokens (taken sequence flows) this activation consumes in its flow scope. */
      consumedTokens: number;
      /** For a joining gateway: how many tokens of each incoming flow it consumes. */
      consumedJoin?: Record<string, number>;
      /** Locals the new instance holds before it activates (modification's variable instructions). */
      variables?: Variables[];
    }
  /** Correlates a buffered message to a subscription that just opened (deferred so that the opening settles first). */
  | { intent: 'CORRELATE_BUFFERED'; subscriptionKey: number; messageKey: number }
  /** Evaluates the conditional subscriptions that `pendingConditions` collected (once per command, after it). */
  | { intent: 'EVALUATE_CONDITIONS' };

/**
 * What conditional events must look at once the current command is done: subscriptions opened (evaluated whatever
 * their variables) and variable changes per scope key (name → created or updated).
 */
export interface PendingConditions {
  opened: number[];
  changes: Map<number, Map<string, 'create' | 'update'>>;
}

/** The variables an event brings to the element it activates: as locals (errors) or as a result (the others). */
export interface EventTrigger {
  variables: Variables;
  local: boolean;
}

/** What happened in a batch that must be acted on after it is durable. */
export interface BatchEffects {
  /** Job types that got activatable jobs. */
  jobTypesAvailable: Set<string>;
  /** Process instances that completed, with their root variables. */
  completedInstances: Map<number, Variables>;
  /** Process instances that were terminated (cancelled). */
  terminatedInstances: Set<number>;
  /**
   * User tasks whose transition (held up by task listeners) ended: undefined when it went through, else why not.
   * The caller that asked for it hears it once the batch is durable.
   */
  endedTransitions: Map<number, Error | undefined>;
}

/**
 * The behaviour of one BPMN element kind. Each hook is entered with the instance in the matching state and may be
 * entered again after an incident on that step is resolved, so hooks must be safe to repeat.
 */
export interface ElementProcessor {
  /** The instance is ELEMENT_ACTIVATING. */
  onActivate(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void;
  /** The instance is ELEMENT_COMPLETING. `flowIds`: the outgoing flows to take, when the element chose them. */
  onComplete(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance, flowIds?: string[]): void;
  /** The instance is ELEMENT_TERMINATING. */
  onTerminate(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void;
  /** Containers: one of the instance's children completed or was terminated. */
  onChildFinished?(ctx: BpmnContext, element: ExecutableElement, instance: ElementInstance): void;
}

export interface StartOptions {
  /** Root-scope variables. */
  variables: Variables;
  /** Elements to start at instead of the none start event. */
  startIds?: string[];
  tenantId?: string;
  /** An event start: the start event it activates and the event's variables. */
  trigger?: { elementId: string; variables: Variables };
  /** A call activity's child: the calling instance. */
  parent?: { processInstanceKey: number; elementInstanceKey: number };
  /** The new instance's key, when the caller had to know it first. */
  key?: number;
}

/**
 * What the behaviours and processors reach through the context instead of importing it: the processors of the
 * other elements, starting an instance, starting one from a buffered message. The stream processor wires them
 * once, so that nothing below it imports the processor registry (docs/decisions/0015).
 */
export interface BpmnLookups {
  /** The processor of an element, or of the multi-instance body when `instance` is one. */
  processorFor(element: ExecutableElement, instance?: ElementInstance): ElementProcessor;
  /** Creates a process instance of a definition: the process activates, then its start element(s). */
  startInstance(definition: ProcessDefinition, options: StartOptions): number;
  /** After an instance started by a message ends, a buffered message with the same key may start the next one. */
  startFromBuffer(bpmnProcessId: string, correlationKey: string): void;
}

export interface BpmnContext extends BpmnLookups {
  readonly state: EngineState;
  readonly writer: EventWriter;
  now(): number;
  followUp(command: BpmnCommand): void;
  readonly effects: BatchEffects;
  /** Activations queued in this batch but not yet processed, per flow scope and element (for inclusive joins). */
  readonly inFlight: Map<number, Map<string, number>>;
  /** Start instructions of containers being activated in this batch: what to activate instead of the none start. */
  readonly startInstructions: Map<number, ActivationPlan[]>;
  /** Events that activate an element, waiting for its activation, by `${flowScopeKey}:${elementId}`. */
  readonly pendingTriggers: Map<string, EventTrigger>;
  /** Compensation handlers about to be activated, by `${flowScopeKey}:${elementId}`: the throw event waiting. */
  readonly pendingCompensations: Map<string, number>;
  /** Conditional events to evaluate after the current command (behavior/conditional-behavior.ts). */
  readonly pendingConditions: PendingConditions;
  /** Multi-instance: the loop variables (input element, loopCounter) of inner instances about to be activated, per body. */
  readonly pendingLoopVariables: Map<number, Variables[]>;
  /**
   * Set while a process instance modification terminates elements: user tasks are canceled without their
   * canceling task listeners, as Zeebe does (only cancelation and interrupting events run them).
   */
  readonly termination: { byModification: boolean };
}
