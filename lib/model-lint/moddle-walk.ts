/** Typed walking over the loosely typed element trees bpmn-moddle and dmn-moddle produce. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

const isElement = (value: unknown): value is ModdleElement =>
  typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string';

export function childElements(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** Every flow element (nodes and sequence flows) of a process or subprocess, subprocesses included. */
export function flowElements(container: ModdleElement): ModdleElement[] {
  return childElements(container, 'flowElements').flatMap((element) => [element, ...flowElements(element)]);
}

export function processes(definitions: ModdleElement): ModdleElement[] {
  return childElements(definitions, 'rootElements').filter((element) => element.$type === 'bpmn:Process');
}

/** The first extension element of a type (e.g. 'zeebe:FormDefinition') inside bpmn:extensionElements. */
export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  const extensions = element.extensionElements;
  if (!isElement(extensions)) return undefined;
  return childElements(extensions, 'values').find((value) => value.$type === type);
}

export function stringAttribute(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}
