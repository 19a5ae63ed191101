import type { Appliers } from './applier';

/** Deployed resources besides processes: decision requirements with their decisions, and forms. */
export const resourceAppliers: Appliers = {
  DECISION_REQUIREMENTS: {
    CREATED: (state, _key, _value, bookkeeping) =>
      state.decisions.addRequirements(bookkeeping!.requirements, bookkeeping!.graph),
    DELETED: (state, key) => state.decisions.removeRequirements(key),
  },
  DECISION: {
    CREATED: (state, key, value) => state.decisions.addDecision({ ...value, key }),
  },
  FORM: {
    CREATED: (state, key, value) => state.forms.add({ ...value, key }),
    DELETED: (state, key) => state.forms.remove(key),
  },
};
