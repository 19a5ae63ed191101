declare module 'bpmn-auto-layout' {
  /** Returns the BPMN XML with a generated diagram (BPMNDI). */
  export function layoutProcess(xml: string): Promise<string>;
}
