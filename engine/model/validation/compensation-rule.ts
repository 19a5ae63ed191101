import type { ValidationRule } from './validation-rule';

/**
 * A compensation boundary event is connected by an association to its handler, an activity marked
 * isForCompensation; a compensation throw event's activityRef names an activity of the process.
 */
export const compensationRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.eventKind !== 'compensation') continue;
    if (element.kind === 'boundaryEvent') {
      const handler = element.compensationHandlerId ? process.elements.get(element.compensationHandlerId) : undefined;
      if (!handler) {
        report({
          elementId: element.id,
          message: 'a compensation boundary event needs an association to its compensation handler',
        });
      } else if (!handler.isForCompensation) {
        report({
          elementId: element.id,
          message: `the compensation handler '${handler.id}' must be marked as for compensation (isForCompensation="true")`,
        });
      }
    }
    const activityRef = element.compensation?.activityRef;
    if (activityRef !== undefined && !process.elements.has(activityRef)) {
      report({ elementId: element.id, message: `the activity to compensate '${activityRef}' is not in the process` });
    }
  }
};
