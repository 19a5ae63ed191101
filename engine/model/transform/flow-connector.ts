/**
 * Fills each element's incoming and outgoing flow ids: first in the order of the element's own
 * bpmn:incoming / bpmn:outgoing references, then any other flow that touches it, in document order.
 */
import type { ExecutableProcess } from '../executable-model';
import { elementList, type ModdleElement } from '../moddle-element';

export function connectFlows(process: ExecutableProcess, sourcesById: ReadonlyMap<string, ModdleElement>): void {
  const flows = [...process.flows.values()];
  for (const element of process.elements.values()) {
    const source = sourcesById.get(element.id);
    element.incoming = ordered(
      source ? elementList(source, 'incoming') : [],
      flows.filter((flow) => flow.targetId === element.id).map((flow) => flow.id),
    );
    element.outgoing = ordered(
      source ? elementList(source, 'outgoing') : [],
      flows.filter((flow) => flow.sourceId === element.id).map((flow) => flow.id),
    );
  }
}

function ordered(declared: ModdleElement[], actual: string[]): string[] {
  const first = declared.map((flow) => flow.id ?? '').filter((id) => actual.includes(id));
  return [...new Set([...first, ...actual])];
}
