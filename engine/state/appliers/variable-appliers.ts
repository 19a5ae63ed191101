import type { VariableRecordValue } from '../../records/record-values';
import type { EngineState } from '../engine-state';
import type { Appliers } from './applier';

const setVariable = (state: EngineState, key: number, value: VariableRecordValue): void =>
  state.variables.set({
    key,
    scopeKey: value.scopeKey,
    processInstanceKey: value.processInstanceKey,
    name: value.name,
    value: JSON.parse(value.value),
  });

export const variableAppliers: Appliers = {
  VARIABLE: { CREATED: setVariable, UPDATED: setVariable },
};
