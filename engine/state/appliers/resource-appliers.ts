import type { DecisionRequirementsGraph } from '../../dmn';
import type { Decision, DecisionRequirements, FormDefinition } from '../entities';
import type { ApplierTable } from './applier-registry';

/** Deployed resources besides processes: decision requirements with their decisions, and forms. */
export const resourceAppliers: Record<string, ApplierTable> = {
  DECISION_REQUIREMENTS: {
    CREATED: (state, key, _value, bookkeeping) =>
      state.decisions.addRequirements(
        bookkeeping!.requirements as DecisionRequirements,
        bookkeeping!.graph as DecisionRequirementsGraph,
      ),
    DELETED: (state, key) => state.decisions.removeRequirements(key),
  },
  DECISION: {
    CREATED: (state, key, value) => state.decisions.addDecision({ ...(value as unknown as Decision), key }),
  },
  FORM: {
    CREATED: (state, key, value) => state.forms.add({ ...(value as unknown as FormDefinition), key }),
    DELETED: (state, key) => state.forms.remove(key),
  },
};
