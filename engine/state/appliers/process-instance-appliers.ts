import type { ElementInstance, ElementInstanceState } from '../entities';
import type { EngineState } from '../engine-state';
import type { Applier, ApplierTable } from './applier-registry';

const setState =
  (next: ElementInstanceState): Applier =>
  (state, key, _value, bookkeeping) => {
    const instance = state.elementInstances.get(key);
    if (!instance) return;
    instance.state = next;
    if (next === 'ELEMENT_TERMINATING') {
      // Tokens in flight and at joins die with their scope.
      instance.pendingFlows = 0;
      delete instance.joins;
    }
    if (bookkeeping?.jobKey !== undefined) instance.jobKey = bookkeeping.jobKey as number;
    if (bookkeeping?.calledInstanceKey !== undefined) {
      instance.calledInstanceKey = bookkeeping.calledInstanceKey as number;
    }
    if (bookkeeping?.userTaskKey !== undefined) instance.userTaskKey = bookkeeping.userTaskKey as number;
    if (bookkeeping?.loopCollection !== undefined) {
      instance.loop = {
        collection: bookkeeping.loopCollection as unknown[],
        activated: 0,
        completed: 0,
        terminated: 0,
      };
    }
    state.elementInstances.save(instance);
  };

/** The instance leaves the state with its variables; its flow scope counts one child less. */
const finish =
  (final: ElementInstanceState): Applier =>
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
  value: Record<string, unknown>,
  bookkeeping?: Record<string, unknown>,
): void {
  const flowScopeKey = value.flowScopeKey as number;
  const instance: ElementInstance = {
    key,
    processInstanceKey: value.processInstanceKey as number,
    processDefinitionKey: value.processDefinitionKey as number,
    bpmnProcessId: value.bpmnProcessId as string,
    version: value.version as number,
    elementId: value.elementId as string,
    bpmnElementType: value.bpmnElementType as string,
    flowScopeKey,
    tenantId: value.tenantId as string,
    state: 'ELEMENT_ACTIVATING',
    activeChildren: 0,
    pendingFlows: 0,
  };
  if ((value.parentElementInstanceKey as number) > 0) {
    instance.parentProcessInstanceKey = value.parentProcessInstanceKey as number;
    instance.parentElementInstanceKey = value.parentElementInstanceKey as number;
  }
  if (bookkeeping?.compensationThrowKey !== undefined) {
    instance.compensationThrowKey = bookkeeping.compensationThrowKey as number;
  }
  state.elementInstances.add(instance);
  const scope = state.elementInstances.get(flowScopeKey);
  if (!scope) return;
  scope.activeChildren += 1;
  if (scope.loop) scope.loop.activated += 1;
  scope.pendingFlows -= (bookkeeping?.consumedTokens as number | undefined) ?? 0;
  const consumed = bookkeeping?.consumedJoin as Record<string, number> | undefined;
  const join = scope.joins?.[value.elementId as string];
  if (consumed && join) {
    for (const [flowId, count] of Object.entries(consumed)) {
      join[flowId] -= count;
      if (join[flowId] <= 0) delete join[flowId];
    }
    if (Object.keys(join).length === 0) delete scope.joins![value.elementId as string];
  }
  state.elementInstances.save(scope);
}

function sequenceFlowTaken(
  state: EngineState,
  _key: number,
  value: Record<string, unknown>,
  bookkeeping?: Record<string, unknown>,
): void {
  const scope = state.elementInstances.get(value.flowScopeKey as number);
  if (!scope) return;
  scope.pendingFlows += 1;
  const joinGatewayId = bookkeeping?.joinGatewayId as string | undefined;
  if (joinGatewayId) {
    scope.joins ??= {};
    const join = (scope.joins[joinGatewayId] ??= {});
    const flowId = value.elementId as string;
    join[flowId] = (join[flowId] ?? 0) + 1;
  }
  state.elementInstances.save(scope);
}

export const processInstanceAppliers: Record<string, ApplierTable> = {
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
      if (instance) state.elementInstances.migrate(instance, value as unknown as ElementInstance);
    },
  },
};
