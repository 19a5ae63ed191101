import type { ValidationRule } from './validation-rule';

/**
 * A process has at least one start event and at most one none start event (the others are message, timer or
 * signal start events); an embedded subprocess starts at exactly one none start event.
 */
export const startEventRule: ValidationRule = (process, report) => {
  for (const container of process.elements.values()) {
    if (container.kind !== 'process' && container.kind !== 'subProcess') continue;
    const starts = (container.childIds ?? [])
      .map((id) => process.elements.get(id))
      .filter((child) => child?.kind === 'startEvent');
    const noneStarts = starts.filter((child) => child?.eventKind === 'none').map((child) => child?.id);
    const what = container.kind === 'process' ? 'a process' : 'a subprocess';
    if (container.kind === 'process' && starts.length === 0) {
      report({ elementId: container.id, message: 'a process needs a start event' });
    } else if (container.kind === 'subProcess' && noneStarts.length === 0) {
      report({
        elementId: container.id,
        message: `${what} needs a none start event (a start event without a trigger)`,
      });
    } else if (noneStarts.length > 1) {
      report({
        elementId: container.id,
        message: `${what} may have only one none start event, but has ${noneStarts.length}: ${noneStarts.join(', ')}`,
      });
    }
  }
};
