/** The part of dmn-moddle's API the parser uses (the package ships no types). */
declare module 'dmn-moddle' {
  export interface DmnParseWarning {
    message: string;
    element?: { id?: string; $type?: string };
    property?: string;
    value?: unknown;
  }
  export interface DmnParseResult {
    rootElement: unknown;
    warnings: DmnParseWarning[];
  }
  export interface DmnModdleInstance {
    fromXML(xml: string): Promise<DmnParseResult>;
  }
  export function DmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): DmnModdleInstance;
}
