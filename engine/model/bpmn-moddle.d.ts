/** The part of bpmn-moddle's API the transformer uses (the package ships no type for its entry point). */
declare module 'bpmn-moddle' {
  export interface ParseWarning {
    message: string;
    element?: { id?: string; $type?: string };
    property?: string;
    value?: unknown;
    error?: Error;
  }
  export interface ParseResult {
    rootElement: unknown;
    warnings: ParseWarning[];
  }
  export interface Moddle {
    fromXML(xml: string): Promise<ParseResult>;
  }
  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): Moddle;
}
