import type { ValidationRule } from './validation-rule';

/** Flows connect two flow nodes of the same scope. */
export const sequenceFlowRule: ValidationRule = (process, report) => {
  for (const flow of process.flows.values()) {
    const source = process.elements.get(flow.sourceId);
    const target = process.elements.get(flow.targetId);
    if (!source)
      report({
        elementId: flow.id,
        message: `the sequence flow's source '${flow.sourceId}' is not a flow node of the process`,
      });
    if (!target)
      report({
        elementId: flow.id,
        message: `the sequence flow's target '${flow.targetId}' is not a flow node of the process`,
      });
    if (source && target && source.flowScopeId !== target.flowScopeId) {
      report({
        elementId: flow.id,
        message: `the sequence flow connects '${flow.sourceId}' and '${flow.targetId}', which are not in the same process or subprocess`,
      });
    }
  }
};
