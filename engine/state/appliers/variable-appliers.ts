import type { Applier, ApplierTable } from './applier-registry';

const setVariable: Applier = (state, key, value) =>
  state.variables.set({
    key,
    scopeKey: value.scopeKey as number,
    processInstanceKey: value.processInstanceKey as number,
    name: value.name as string,
    value: JSON.parse(value.value as string),
  });

export const variableAppliers: Record<string, ApplierTable> = {
  VARIABLE: { CREATED: setVariable, UPDATED: setVariable },
};
