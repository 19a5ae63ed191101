import type { ExecutableProcess } from '../../model/executable-model';
import type { ProcessDefinition } from '../entities';
import type { ApplierTable } from './applier-registry';

export const deploymentAppliers: Record<string, ApplierTable> = {
  PROCESS: {
    // The record carries no XML; the definition and its parsed model come as bookkeeping.
    CREATED: (state, _key, _value, bookkeeping) =>
      state.processes.add(bookkeeping?.definition as ProcessDefinition, bookkeeping?.model as ExecutableProcess),
    DELETED: (state, key) => state.processes.remove(key),
  },
};
