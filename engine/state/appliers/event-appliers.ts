import type { SubscriptionRecordValue } from '../../records/record-values';
import type { EngineState } from '../engine-state';
import type { Appliers } from './applier';

const addSubscription = (state: EngineState, key: number, value: SubscriptionRecordValue): void =>
  state.subscriptions.add({ ...value, key });

const removeSubscription = (state: EngineState, key: number): void => state.subscriptions.remove(key);

/** A migrated subscription keeps its key (and a timer its due date); it now belongs to the target definition. */
const migrateSubscription = (state: EngineState, key: number, value: SubscriptionRecordValue): void =>
  state.subscriptions.replace({ ...value, key });

/**
 * A correlated message remembers the process id, so that it never correlates to that process again; an instance
 * started by a message start event holds its correlation key while it runs.
 */
const correlated = (state: EngineState, _key: number, value: SubscriptionRecordValue): void => {
  const correlationKey = value.messageCorrelationKey;
  if (value.elementInstanceKey === -1 && correlationKey) {
    state.messages.markStarted(value.bpmnProcessId, correlationKey, value.processInstanceKey);
  }
  const message = state.messages.get(value.messageKey!);
  if (!message) return;
  const processId = value.bpmnProcessId;
  if (!message.correlatedProcessIds.includes(processId)) {
    state.messages.put({ ...message, correlatedProcessIds: [...message.correlatedProcessIds, processId] });
  }
};

const subscriptionAppliers = {
  CREATED: addSubscription,
  DELETED: removeSubscription,
  CORRELATED: correlated,
  MIGRATED: migrateSubscription,
};

export const eventAppliers: Appliers = {
  PROCESS_MESSAGE_SUBSCRIPTION: subscriptionAppliers,
  MESSAGE_START_EVENT_SUBSCRIPTION: subscriptionAppliers,
  SIGNAL_SUBSCRIPTION: { CREATED: addSubscription, DELETED: removeSubscription, MIGRATED: migrateSubscription },
  CONDITIONAL_SUBSCRIPTION: {
    CREATED: addSubscription,
    // A trigger changes nothing here: an interrupting event's subscription is deleted with its owner's work.
    TRIGGERED: () => undefined,
    DELETED: removeSubscription,
    MIGRATED: migrateSubscription,
  },
  TIMER: {
    CREATED: addSubscription,
    CANCELED: removeSubscription,
    TRIGGERED: removeSubscription,
    MIGRATED: migrateSubscription,
  },
  PROCESS_EVENT: {
    // An interrupting event took over an activity (its boundary event) or a scope (its event subprocess): tokens on
    // their way and at joins are dropped, and the event waits until what it interrupts is terminated.
    TRIGGERING: (state, key, value) => {
      const scope = state.elementInstances.get(key);
      if (!scope || !value.interrupting) return;
      scope.interruptingElementId = value.targetElementId;
      scope.pendingFlows = 0;
      delete scope.joins;
      scope.pendingEvent = { elementId: value.targetElementId, variables: value.variables };
      state.elementInstances.save(scope);
    },
    TRIGGERED: (state, key) => {
      const scope = state.elementInstances.get(key);
      if (!scope?.pendingEvent) return;
      delete scope.pendingEvent;
      state.elementInstances.save(scope);
    },
  },
  // A completed activity with a compensation handler can be compensated while its scope runs; once, then it is gone.
  COMPENSATION_SUBSCRIPTION: {
    CREATED: (state, _key, value) => {
      const scope = state.elementInstances.get(value.scopeKey);
      if (!scope) return;
      scope.compensations = [
        ...(scope.compensations ?? []),
        { elementInstanceKey: value.elementInstanceKey, activityId: value.activityId, handlerId: value.handlerId },
      ];
      state.elementInstances.save(scope);
    },
    TRIGGERED: (state, _key, value) => {
      const scope = state.elementInstances.get(value.scopeKey);
      if (!scope?.compensations) return;
      scope.compensations = scope.compensations.filter((c) => c.elementInstanceKey !== value.elementInstanceKey);
      state.elementInstances.save(scope);
    },
  },
  MESSAGE: {
    PUBLISHED: (state, key, value) => {
      if (value.timeToLive > 0) state.messages.put({ ...value, key });
    },
    EXPIRED: (state, key) => state.messages.remove(key),
  },
};
