/**
 * The names a BPMN diagram shows (every drawn shape's and edge's element, and the process itself) and the same
 * XML with those names in English. Parsed with bpmn-moddle, as the engine does, so a name is found by its element,
 * never by matching text.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { ModelTextCatalogue } from './model-text-catalogue';

interface Element {
  $type: string;
  $parent?: Element;
  id?: string;
  name?: string;
  processRef?: Element;
  rootElements?: Element[];
  diagrams?: { plane?: { planeElement?: { bpmnElement?: Element }[] } }[];
}

export interface ShownName {
  processId: string;
  elementId: string;
  name: string;
  element: Element;
}

async function parse(xml: string): Promise<Element> {
  const { rootElement } = await BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml);
  return rootElement as Element;
}

function owningProcess(element: Element): Element | undefined {
  if (element.$type === 'bpmn:Participant') return element.processRef;
  for (let at: Element | undefined = element; at; at = at.$parent) if (at.$type === 'bpmn:Process') return at;
  return undefined;
}

/** Every named element the diagram draws, and every process (its name is what lists and headings show). */
export function shownNames(definitions: Element): ShownName[] {
  const found = new Map<Element, ShownName>();
  const add = (element: Element | undefined) => {
    const process = element && owningProcess(element);
    if (!element?.id || !element.name?.trim() || !process?.id) return;
    found.set(element, { processId: process.id, elementId: element.id, name: element.name, element });
  };
  for (const root of definitions.rootElements ?? []) if (root.$type === 'bpmn:Process') add(root);
  for (const diagram of definitions.diagrams ?? [])
    for (const drawn of diagram.plane?.planeElement ?? []) add(drawn.bpmnElement);
  return [...found.values()];
}

export async function shownNamesOf(xml: string): Promise<ShownName[]> {
  return shownNames(await parse(xml));
}

/** The XML with each shown name the catalogue has replaced by its English; the rest as it was. */
export async function englishDiagramXml(xml: string, catalogue: ModelTextCatalogue): Promise<string> {
  const definitions = await parse(xml);
  for (const shown of shownNames(definitions)) {
    const english = catalogue.processes[shown.processId]?.[shown.elementId];
    if (english !== undefined) shown.element.name = english;
  }
  const moddle = BpmnModdle({ zeebe: zeebeModdle }) as unknown as {
    toXML(element: unknown, options: { format: boolean }): Promise<{ xml: string }>;
  };
  return (await moddle.toXML(definitions, { format: false })).xml;
}
