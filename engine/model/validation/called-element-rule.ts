import type { ValidationRule } from './validation-rule';

/** A call activity names the process it calls (zeebe:calledElement processId). */
export const calledElementRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.kind !== 'callActivity') continue;
    const id = element.calledElement?.processId;
    const blank = !id || (id.kind === 'static' ? id.value.trim() === '' : id.expression.trim() === '');
    if (blank) {
      report({
        elementId: element.id,
        message: 'a call activity needs the id of the process it calls (zeebe:calledElement processId)',
      });
    }
  }
};
