import type { ElementBookkeeping, ProcessInstanceRecordValue } from '../../records/record-values';
import type { ElementInstance, ElementInstanceState } from '../entities';
import type { EngineState } from '../engine-state';
import type { Appliers } from './applier';

type ElementApplier = (
  state: EngineState,
  key: number,
  value: ProcessInstanceRecordValue,
  bookkeeping: ElementBookkeeping | undefined,
) => void;

const setState =
  (next: ElementInstanceState): ElementApplier =>
  (state, key, _value, bookkeeping) => {
    const instance = state.elementInstances.get(key);
    if (!instance) return;
    instance.state = next;
    if (next === 'ELEMENT_TERMINATING') {
      // Tokens in flight and at joins die with their scope.
      instance.pendingFlows = 0;
      delete instance.joins;
    }
    if (bookkeeping?.jobKey !== undefined) instance.jobKey = bookkeeping.jobKey;
    if (bookkeeping?.calledInstanceKey !== undefined) {
      instance.calledInstanceKey = bookkeeping.calledInstanceKey;
    }
    if (bookkeeping?.userTaskKey !== undefined) instance.userTaskKey = bookkeeping.userTaskKey;
    if (bookkeeping?.loopCollection !== undefined) {
      instance.loop = {
        collection: bookkeeping.loopCollection,
        activated: 0,
        completed: 0,
        terminated: 0,
      };
    }
    state.elementInstances.save(instance);
  };

/** The instance leaves the state with its variables; its flow scope counts one child less. */
const finish =
  (final: ElementInstanceState): ElementApplier =>
  (state, key, _value, bookkeeping) => {
    const instance = state.elementInstances.get(key);
    if (!instance) return;
    instance.state = final;
    const scope = state.elementInstances.get(instance.flowScopeKey);
    if (scope) {
      scope.activeChildren -= 1;
      if (scope.loop) scope.loop[final === 'ELEMENT_COMPLETED' ? 'completed' : 'terminated'] += 1;
      if (bookkeeping?.terminateEnd) {
        scope.terminateEndReached = true;
        scope.pendingFlows = 0;
        delete scope.joins;
      }
      state.elementInstances.save(scope);
    }
    state.variables.removeScope(key);
    state.elementInstances.remove(key);
    // A process instance started by a message start event frees its correlation key.
    if (instance.flowScopeKey === -1) state.messages.instanceEnded(key);
  };

function activating(
  state: EngineState,
  key: number,
  value: ProcessInstanceRecordValue,
  bookkeeping?: ElementBookkeeping,
): void {
  const flowScopeKey = value.flowScopeKey;
  const instance: ElementInstance = {
    key,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    version: value.version,
    elementId: value.elementId,
    bpmnElementType: value.bpmnElementType,
    flowScopeKey,
    tenantId: value.tenantId,
    state: 'ELEMENT_ACTIVATING',
    activeChildren: 0,
    pendingFlows: 0,
  };
  if (value.parentElementInstanceKey > 0) {
    instance.parentProcessInstanceKey = value.parentProcessInstanceKey;
    instance.parentElementInstanceKey = value.parentElementInstanceKey;
  }
  if (bookkeeping?.compensationThrowKey !== undefined) {
    instance.compensationThrowKey = bookkeeping.compensationThrowKey;
  }
  state.elementInstances.add(instance);
  const scope = state.elementInstances.get(flowScopeKey);
  if (!scope) return;
  scope.activeChildren += 1;
  if (scope.loop) scope.loop.activated += 1;
  scope.pendingFlows -= bookkeeping?.consumedTokens ?? 0;
  const consumed = bookkeeping?.consumedJoin;
  const join = scope.joins?.[value.elementId];
  if (consumed && join) {
    for (const [flowId, count] of Object.entries(consumed)) {
      join[flowId] -= count;
      if (join[flowId] <= 0) delete join[flowId];
    }
    if (Object.keys(join).length === 0) delete scope.joins![value.elementId];
  }
  state.elementInstances.save(scope);
}

function sequenceFlowTaken(
  state: EngineState,
  _key: number,
  value: ProcessInstanceRecordValue,
  bookkeeping?: ElementBookkeeping,
): void {
  const scope = state.elementInstances.get(value.flowScopeKey);
  if (!scope) return;
  scope.pendingFlows += 1;
  const joinGatewayId = bookkeeping?.joinGatewayId;
  if (joinGatewayId) {
    scope.joins ??= {};
    const join = (scope.joins[joinGatewayId] ??= {});
    const flowId = value.elementId;
    join[flowId] = (join[flowId] ?? 0) + 1;
  }
  state.elementInstances.save(scope);
}

export const processInstanceAppliers: Appliers = {
  PROCESS_INSTANCE: {
    ELEMENT_ACTIVATING: activating,
    ELEMENT_ACTIVATED: setState('ELEMENT_ACTIVATED'),
    ELEMENT_COMPLETING: setState('ELEMENT_COMPLETING'),
    ELEMENT_TERMINATING: setState('ELEMENT_TERMINATING'),
    ELEMENT_COMPLETED: finish('ELEMENT_COMPLETED'),
    ELEMENT_TERMINATED: finish('ELEMENT_TERMINATED'),
    SEQUENCE_FLOW_TAKEN: sequenceFlowTaken,
    ELEMENT_MIGRATED: (state, key, value) => {
      const instance = state.elementInstances.get(key);
      if (instance) state.elementInstances.migrate(instance, value);
    },
  },
};
