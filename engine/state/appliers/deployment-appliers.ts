import type { Appliers } from './applier';

export const deploymentAppliers: Appliers = {
  PROCESS: {
    // The record carries no XML; the definition and its parsed model come as bookkeeping.
    CREATED: (state, _key, _value, bookkeeping) => state.processes.add(bookkeeping!.definition, bookkeeping!.model),
    DELETED: (state, key) => state.processes.remove(key),
  },
};
