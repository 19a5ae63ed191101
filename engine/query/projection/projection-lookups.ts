/** Element id → the BPMN `name` attribute, for the elements of one process definition that have a name. */
export type ElementNameMap = ReadonlyMap<string, string>;

/**
 * Looks up what a record does not carry, while the resource is deployed: the BPMN or DMN XML of a deployed
 * resource, and the element names of a process definition (from its executable model).
 */
export interface ProjectionLookups {
  processXml(processDefinitionKey: number): string | undefined;
  decisionRequirementsXml?(decisionRequirementsKey: number): string | undefined;
  elementNames?(processDefinitionKey: number): ElementNameMap | undefined;
}
