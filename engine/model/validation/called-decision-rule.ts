import type { ValidationRule } from './validation-rule';

/** A business rule task evaluates a decision (zeebe:calledDecision with a result variable) or is a job. */
export const calledDecisionRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.kind !== 'businessRuleTask') continue;
    const called = element.calledDecision;
    if (!called && !element.job) {
      report({
        elementId: element.id,
        message: 'a business rule task needs a decision (zeebe:calledDecision) or a job type (zeebe:taskDefinition)',
      });
      continue;
    }
    if (!called) continue;
    const id = called.decisionId;
    if (id.kind === 'static' ? id.value.trim() === '' : id.expression.trim() === '') {
      report({
        elementId: element.id,
        message: 'the called decision needs a decision id (zeebe:calledDecision decisionId)',
      });
    }
    if (called.resultVariable.trim() === '') {
      report({
        elementId: element.id,
        message: 'the called decision needs a result variable (zeebe:calledDecision resultVariable)',
      });
    }
  }
};
