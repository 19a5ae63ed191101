import type { Mapping } from '../executable-model';
import type { ValidationRule } from './validation-rule';

/** A variable name or a dotted path of names (letters of any script, digits, `_` and `$`). */
const TARGET_PATTERN = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;

/** Mapping targets are variable names or dotted paths; input mapping sources must be present. */
export const mappingRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    const check = (direction: string, mapping: Mapping) => {
      if (mapping.source.trim() === '') {
        report({ elementId: element.id, message: `the ${direction} mapping to '${mapping.target}' has no source` });
      }
      if (mapping.target.trim() === '') {
        report({
          elementId: element.id,
          message: `the ${direction} mapping from '${mapping.source}' has no target variable`,
        });
      } else if (!TARGET_PATTERN.test(mapping.target)) {
        report({
          elementId: element.id,
          message: `the ${direction} mapping target '${mapping.target}' is not a variable name or a dotted path such as 'order.total'`,
        });
      }
    };
    element.inputMappings.forEach((mapping) => check('input', mapping));
    element.outputMappings.forEach((mapping) => check('output', mapping));
  }
};
