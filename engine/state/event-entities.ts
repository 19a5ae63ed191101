/** Live state of events: subscriptions (message, signal, timer, conditional) and buffered messages. */

export type SubscriptionKind = 'message' | 'signal' | 'timer' | 'conditional';

/**
 * An open event subscription. Its owner is the element instance that waits (an intermediate catch event or receive
 * task; an activity for its boundary events; a container for its event subprocesses; an event-based gateway), or
 * -1 for a start event of the latest process version. `catchElementId` is the element the event activates.
 */
export interface EventSubscription {
  key: number;
  kind: SubscriptionKind;
  elementInstanceKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  tenantId: string;
  catchElementId: string;
  interrupting: boolean;
  /** message: name and correlation key; signal: name */
  name?: string;
  correlationKey?: string;
  /** timer: when it fires (epoch ms); how many times it still fires (-1: forever); how the next is computed */
  dueDate?: number;
  repetitions?: number;
  /** ISO 8601 duration between repetitions, or a cron expression */
  interval?: string;
  cron?: boolean;
}

export interface BufferedMessage {
  key: number;
  name: string;
  correlationKey: string;
  messageId: string;
  variables: Record<string, unknown>;
  /** epoch ms after which the message is gone */
  deadline: number;
  /** Process ids it has been correlated to: a message correlates at most once per process id. */
  correlatedProcessIds: string[];
  tenantId: string;
}
