import type { ExecutableProcess } from '../../model/executable-model';
import type { ProcessDefinition } from '../entities';
import type { ApplierTable } from './applier-registry';

export const deploymentAppliers: Record<string, ApplierTable> = {
  PROCESS: {
    CREATED: (state, _key, value, bookkeeping) => {
      const definition = bookkeeping?.definition as ProcessDefinition;
      state.processes.add(definition, bookkeeping?.model as ExecutableProcess);
      void value;
    },
    DELETED: (state, key) => state.processes.remove(key),
  },
};
