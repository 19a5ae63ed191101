import type { ValidationRule } from './validation-rule';

/** A process or embedded subprocess starts at exactly one none start event (for now). */
export const startEventRule: ValidationRule = (process, report) => {
  for (const container of process.elements.values()) {
    if (container.kind !== 'process' && container.kind !== 'subProcess') continue;
    const noneStarts = (container.childIds ?? []).filter((id) => {
      const child = process.elements.get(id);
      return child?.kind === 'startEvent' && child.eventKind === 'none';
    });
    const what = container.kind === 'process' ? 'a process' : 'a subprocess';
    if (noneStarts.length === 0) {
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
