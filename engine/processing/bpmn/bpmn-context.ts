import type { EngineState } from '../../state/engine-state';
import type { EventWriter } from '../event-writer';
import type { Variables } from '../../engine-api';

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
    }
  /** Correlates a buffered message to a subscription that just opened (deferred so that the opening settles first). */
  | { intent: 'CORRELATE_BUFFERED'; subscriptionKey: number; messageKey: number };

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
}

export interface BpmnContext {
  readonly state: EngineState;
  readonly writer: EventWriter;
  now(): number;
  followUp(command: BpmnCommand): void;
  readonly effects: BatchEffects;
  /** Activations queued in this batch but not yet processed, per flow scope and element (for inclusive joins). */
  readonly inFlight: Map<number, Map<string, number>>;
  /** Start instructions of containers being activated in this batch: the child ids to start with. */
  readonly startInstructions: Map<number, string[]>;
  /** Events that activate an element, waiting for its activation, by `${flowScopeKey}:${elementId}`. */
  readonly pendingTriggers: Map<string, EventTrigger>;
  /** Compensation handlers about to be activated, by `${flowScopeKey}:${elementId}`: the throw event waiting. */
  readonly pendingCompensations: Map<string, number>;
  /** Multi-instance: the loop variables (input element, loopCounter) of inner instances about to be activated, per body. */
  readonly pendingLoopVariables: Map<number, Variables[]>;
}
