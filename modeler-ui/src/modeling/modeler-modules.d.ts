/** The modeler's bpmn.io packages that ship no types: only what the modeler screens use of them. */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export const ZeebePropertiesProviderModule: Record<string, unknown>;
}
declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: Record<string, unknown>;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: Record<string, unknown>;
  export default module;
}
declare module 'bpmn-js-differ' {
  export interface Changes {
    _added: Record<string, unknown>;
    _removed: Record<string, unknown>;
    _changed: Record<string, unknown>;
    _layoutChanged: Record<string, unknown>;
  }
  export function diff(a: unknown, b: unknown): Changes;
}
declare module 'dmn-js/lib/Modeler' {
  export default class DmnModeler {
    constructor(options: { container: HTMLElement; common?: Record<string, unknown>; [key: string]: unknown });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getActiveViewer(): { get<T>(name: string): T } | undefined;
    getViews(): { type: string; element: { id: string } }[];
    open(view: unknown): Promise<unknown>;
    on(event: string, callback: (...args: unknown[]) => void): void;
    destroy(): void;
  }
}
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown }>;
  }
}
