/**
 * Fills each element's incoming and outgoing flow ids: first in the order of the element's own
 * bpmn:incoming / bpmn:outgoing references, then any other flow that touches it, in document order. The flows are
 * grouped by element once: filtering every flow for every element made a 10 MB model take most of a minute, with
 * the engine answering nothing else meanwhile.
 */
import type { ExecutableProcess } from '../executable-model';
import { elementList, type ModdleElement } from '../moddle-element';

export function connectFlows(process: ExecutableProcess, sourcesById: ReadonlyMap<string, ModdleElement>): void {
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  for (const flow of process.flows.values()) {
    addTo(into, flow.targetId, flow.id);
    addTo(outOf, flow.sourceId, flow.id);
  }
  for (const element of process.elements.values()) {
    const source = sourcesById.get(element.id);
    element.incoming = ordered(source ? elementList(source, 'incoming') : [], into.get(element.id) ?? []);
    element.outgoing = ordered(source ? elementList(source, 'outgoing') : [], outOf.get(element.id) ?? []);
  }
}

/** Appends `id` to the list of `key`. */
export function addTo(lists: Map<string, string[]>, key: string, id: string): void {
  const list = lists.get(key);
  if (list) list.push(id);
  else lists.set(key, [id]);
}

function ordered(declared: ModdleElement[], actual: string[]): string[] {
  const touching = new Set(actual);
  const first = declared.map((flow) => flow.id ?? '').filter((id) => touching.has(id));
  return [...new Set([...first, ...actual])];
}
