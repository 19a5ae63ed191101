/** Typed access to the loosely typed elements bpmn-moddle produces. */
export interface ModdleElement {
  $type: string;
  $instanceOf?(type: string): boolean;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string';
}

export function stringProperty(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  return typeof value === 'string' ? value : undefined;
}

export function elementList(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function elementProperty(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element[property];
  return isModdleElement(value) ? value : undefined;
}

/** The extension element of a type (e.g. 'zeebe:TaskDefinition') inside bpmn:extensionElements. */
export function extensionElement(element: ModdleElement, type: string): ModdleElement | undefined {
  const extensions = elementProperty(element, 'extensionElements');
  return extensions ? elementList(extensions, 'values').find((value) => value.$type === type) : undefined;
}

export function instanceOf(element: ModdleElement, type: string): boolean {
  return element.$instanceOf ? element.$instanceOf(type) : element.$type === type;
}

/** 'bpmn:ComplexGateway' → 'complex gateway'. */
export function typeLabel(type: string): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
