/** Setting a Zeebe extension element's attributes on a diagram element through bpmn-js's modeling (undoable). */
export interface ModdleObject {
  $type: string;
  [property: string]: unknown;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleObject & { extensionElements?: ModdleObject & { values: ModdleObject[] } };
}

interface Services {
  get<T>(name: string): T;
}

interface Modeling {
  updateProperties(element: DiagramElement, properties: object): void;
  updateModdleProperties(element: DiagramElement, target: ModdleObject, properties: object): void;
}

export function zeebeExtension(element: DiagramElement, type: string): ModdleObject | undefined {
  return element.businessObject.extensionElements?.values.find((value) => value.$type === type);
}

export function setZeebeExtension(
  modeler: Services,
  element: DiagramElement,
  type: string,
  attributes: Record<string, string | undefined>,
): void {
  const moddle = modeler.get<{ create(type: string, attributes?: object): ModdleObject }>('moddle');
  const modeling = modeler.get<Modeling>('modeling');
  let extensions = element.businessObject.extensionElements;
  if (!extensions) {
    extensions = moddle.create('bpmn:ExtensionElements', { values: [] }) as ModdleObject & { values: ModdleObject[] };
    modeling.updateProperties(element, { extensionElements: extensions });
  }
  const found = zeebeExtension(element, type);
  if (found) modeling.updateModdleProperties(element, found, attributes);
  else
    modeling.updateModdleProperties(element, extensions!, {
      values: [...extensions!.values, moddle.create(type, attributes)],
    });
}
