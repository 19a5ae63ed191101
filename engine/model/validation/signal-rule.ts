import { describeElement, isBlank } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

/** Signal events refer to a bpmn:signal with a name that is not empty. */
export const signalRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.eventKind !== 'signal') continue;
    const what = describeElement(element);
    if (!element.signal) {
      report({
        elementId: element.id,
        message: `${what} needs a signal with a name (a signalRef to a bpmn:signal with a name)`,
      });
    } else if (isBlank(element.signal.name)) {
      report({ elementId: element.id, message: `the signal name of ${what} is empty` });
    }
  }
};
