import type { ExecutableElement, ExecutableProcess } from '../executable-model';
import { describeElement, isBlank, scopeOf } from './rule-helpers';
import type { ValidationRule } from './validation-rule';

/**
 * Elements that open a message subscription (message catch, boundary and start events, receive tasks) need a
 * message name and — except process-level message start events — a correlation key. A message name is never
 * empty.
 */
export const messageRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    const what = describeElement(element);
    if (element.message && isBlank(element.message.name)) {
      report({ elementId: element.id, message: `the message name of ${what} is empty` });
    }
    if (!subscribes(element)) continue;
    if (!element.message) {
      report({
        elementId: element.id,
        message: `${what} needs a message with a name (a messageRef to a bpmn:message with a name)`,
      });
    }
    if (!isProcessStart(process, element) && !element.message?.correlationKey) {
      report({
        elementId: element.id,
        message: `${what} needs a correlation key (zeebe:subscription correlationKey on its message)`,
      });
    }
  }
};

function subscribes(element: ExecutableElement): boolean {
  if (element.kind === 'receiveTask') return true;
  const catchEvent =
    element.kind === 'startEvent' || element.kind === 'intermediateCatchEvent' || element.kind === 'boundaryEvent';
  return catchEvent && element.eventKind === 'message';
}

function isProcessStart(process: ExecutableProcess, element: ExecutableElement): boolean {
  return element.kind === 'startEvent' && scopeOf(process, element)?.kind === 'process';
}
