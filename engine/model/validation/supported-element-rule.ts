import { unsupportedReason } from '../supported-elements';
import type { ValidationRule } from './validation-rule';

/** Every element must be one this engine version can run (or `options.supported` allows). */
export const supportedElementRule: ValidationRule = (process, report, options) => {
  for (const element of process.elements.values()) {
    const message = unsupportedReason(element, options.supported);
    if (message) report({ elementId: element.id, message });
  }
};
