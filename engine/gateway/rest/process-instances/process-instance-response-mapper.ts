import type { CreatedInstance, InstanceResult } from '../../../engine-api';

/** The created instance; `variables` holds the result variables when the request awaited completion, else {}. */
export function toCreateInstanceResponse(instance: CreatedInstance | InstanceResult) {
  return {
    processDefinitionKey: String(instance.processDefinitionKey),
    processDefinitionId: instance.bpmnProcessId,
    processDefinitionVersion: instance.version,
    processInstanceKey: String(instance.processInstanceKey),
    tenantId: instance.tenantId,
    variables: 'variables' in instance ? instance.variables : {},
  };
}
