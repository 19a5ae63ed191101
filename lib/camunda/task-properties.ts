/**
 * A model element's `zeebe:properties` (name → value), read from the deployed BPMN XML: the engine keeps them in
 * the model and answers none of them on a task, so the application reads the model. A deployed version never
 * changes, so each process definition is parsed once.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { CamundaClients } from './camunda-client';
import { processDefinitionXml } from './engine-api';

interface Element {
  $type: string;
  id?: string;
  [property: string]: unknown;
}

const isElement = (value: unknown): value is Element =>
  typeof value === 'object' && value !== null && typeof (value as Element).$type === 'string';

const children = (element: Element, property: string): Element[] => {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isElement) : [];
};

/** Every element's properties by element id, subprocesses included. */
function propertiesByElement(definitions: Element): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  const visit = (element: Element) => {
    const extensions = element.extensionElements;
    const properties = isElement(extensions)
      ? children(extensions, 'values')
          .filter((value) => value.$type === 'zeebe:Properties')
          .flatMap((value) => children(value, 'properties'))
      : [];
    if (element.id && properties.length > 0)
      found.set(
        element.id,
        Object.fromEntries(properties.map((property) => [String(property.name ?? ''), String(property.value ?? '')])),
      );
    for (const child of children(element, 'flowElements')) visit(child);
  };
  for (const root of children(definitions, 'rootElements')) visit(root);
  return found;
}

const byDefinition = new Map<string, Promise<Map<string, Record<string, string>>>>();

/** The properties of every element of a BPMN model that has some, by element id. */
export async function modelProperties(xml: string): Promise<Map<string, Record<string, string>>> {
  const { rootElement } = await BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml);
  if (!isElement(rootElement)) throw new Error('not a BPMN model');
  return propertiesByElement(rootElement);
}

const parse = async (camunda: CamundaClients, processDefinitionKey: string) =>
  modelProperties(await processDefinitionXml(camunda, processDefinitionKey));

export async function elementProperties(
  camunda: CamundaClients,
  processDefinitionKey: string,
  elementId: string,
): Promise<Record<string, string>> {
  let parsed = byDefinition.get(processDefinitionKey);
  if (!parsed) {
    parsed = parse(camunda, processDefinitionKey);
    byDefinition.set(processDefinitionKey, parsed);
    // A failed read (the engine busy) is tried again next time, not remembered.
    parsed.catch(() => byDefinition.delete(processDefinitionKey));
  }
  return (await parsed).get(elementId) ?? {};
}
