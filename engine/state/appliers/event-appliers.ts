import type { CompensationEntry } from '../entities';
import type { BufferedMessage, EventSubscription } from '../event-entities';
import type { Applier, ApplierTable } from './applier-registry';

const addSubscription: Applier = (state, key, value) =>
  state.subscriptions.add({ ...(value as unknown as EventSubscription), key });

const removeSubscription: Applier = (state, key) => state.subscriptions.remove(key);

/**
 * A correlated message remembers the process id, so that it never correlates to that process again; an instance
 * started by a message start event holds its correlation key while it runs.
 */
const correlated: Applier = (state, _key, value) => {
  const correlationKey = value.messageCorrelationKey as string;
  if (value.elementInstanceKey === -1 && correlationKey) {
    state.messages.markStarted(value.bpmnProcessId as string, correlationKey, value.processInstanceKey as number);
  }
  const message = state.messages.get(value.messageKey as number);
  if (!message) return;
  const processId = value.bpmnProcessId as string;
  if (!message.correlatedProcessIds.includes(processId)) {
    state.messages.put({ ...message, correlatedProcessIds: [...message.correlatedProcessIds, processId] });
  }
};

const subscriptionAppliers: ApplierTable = {
  CREATED: addSubscription,
  DELETED: removeSubscription,
  CORRELATED: correlated,
};

export const eventAppliers: Record<string, ApplierTable> = {
  PROCESS_MESSAGE_SUBSCRIPTION: subscriptionAppliers,
  MESSAGE_START_EVENT_SUBSCRIPTION: subscriptionAppliers,
  SIGNAL_SUBSCRIPTION: { CREATED: addSubscription, DELETED: removeSubscription },
  TIMER: { CREATED: addSubscription, CANCELED: removeSubscription, TRIGGERED: removeSubscription },
  PROCESS_EVENT: {
    // An interrupting event subprocess took over its scope: tokens on their way and at joins are dropped.
    TRIGGERING: (state, key, value) => {
      const scope = state.elementInstances.get(key);
      if (!scope || !value.interrupting) return;
      scope.interruptingElementId = value.targetElementId as string;
      scope.pendingFlows = 0;
      delete scope.joins;
      state.elementInstances.save(scope);
    },
  },
  // A completed activity with a compensation handler can be compensated while its scope runs; once, then it is gone.
  COMPENSATION_SUBSCRIPTION: {
    CREATED: (state, _key, value) => {
      const scope = state.elementInstances.get(value.scopeKey as number);
      if (!scope) return;
      const entry = value as unknown as CompensationEntry;
      scope.compensations = [
        ...(scope.compensations ?? []),
        { elementInstanceKey: entry.elementInstanceKey, activityId: entry.activityId, handlerId: entry.handlerId },
      ];
      state.elementInstances.save(scope);
    },
    TRIGGERED: (state, _key, value) => {
      const scope = state.elementInstances.get(value.scopeKey as number);
      if (!scope?.compensations) return;
      scope.compensations = scope.compensations.filter((c) => c.elementInstanceKey !== value.elementInstanceKey);
      state.elementInstances.save(scope);
    },
  },
  MESSAGE: {
    PUBLISHED: (state, key, value) => {
      if ((value.timeToLive as number) > 0) state.messages.put({ ...(value as unknown as BufferedMessage), key });
    },
    EXPIRED: (state, key) => state.messages.remove(key),
  },
};
