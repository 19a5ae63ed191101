import { unsupportedReason } from '../supported-elements';
import type { ValidationRule } from './validation-rule';

/** Every element must be one this engine version can run. */
export const supportedElementRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    const message = unsupportedReason(element);
    if (message) report({ elementId: element.id, message });
  }
};
