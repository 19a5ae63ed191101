import type { ValidationRule } from './validation-rule';

/** An event subprocess has exactly one start event, with an event definition, and no sequence flows of its own. */
export const eventSubProcessRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.kind !== 'eventSubProcess') continue;
    const starts = (element.childIds ?? [])
      .map((id) => process.elements.get(id))
      .filter((child) => child?.kind === 'startEvent');
    if (starts.length !== 1) {
      report({
        elementId: element.id,
        message: `an event subprocess needs exactly one start event, but has ${starts.length}`,
      });
    }
    const start = starts[0];
    if (start?.eventKind === 'none') {
      report({
        elementId: start.id,
        message: 'the start event of an event subprocess needs an event definition (message, timer, error...)',
      });
    }
    if (element.incoming.length > 0 || element.outgoing.length > 0) {
      report({ elementId: element.id, message: 'an event subprocess cannot have incoming or outgoing sequence flows' });
    }
  }
};
