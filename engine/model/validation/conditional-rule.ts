import { describeElement, scopeOf } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

const VARIABLE_EVENTS = ['create', 'update'];

/**
 * Conditional events need a condition, and their zeebe:conditionalFilter may name only the `create` and `update`
 * variable events (Zeebe's rules). A conditional start event of the process itself is started from outside by
 * Zeebe's EvaluateConditional call, which this engine does not offer yet, so it is refused rather than never started.
 */
export const conditionalRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.eventKind !== 'conditional') continue;
    const what = describeElement(element);
    if (element.kind === 'startEvent' && scopeOf(process, element)?.kind === 'process') {
      report({
        elementId: element.id,
        message:
          'a conditional start event of a process is not supported yet by this engine (it has no EvaluateConditional ' +
          'call); conditional start events of event subprocesses are',
      });
    }
    if (!element.conditional?.condition) {
      report({ elementId: element.id, message: `${what} must have a condition (a FEEL expression)` });
    }
    for (const event of element.conditional?.variableEvents ?? []) {
      if (!VARIABLE_EVENTS.includes(event)) {
        report({
          elementId: element.id,
          message: `Variable event '${event}' is not valid. Must be one of: ${VARIABLE_EVENTS.join(', ')} or a comma-separated list of both.`,
        });
      }
    }
  }
};
