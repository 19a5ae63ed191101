import type { ElementInstance, IncidentErrorType } from '../../../state/entities';
import type { BpmnContext } from '../bpmn-context';

/** Raises an incident: the element instance stays where it is until the incident is resolved. */
export function raiseIncident(
  ctx: BpmnContext,
  instance: ElementInstance,
  errorType: IncidentErrorType,
  errorMessage: string,
  jobKey = 0,
): void {
  ctx.writer.append('INCIDENT', 'CREATED', ctx.state.keys.next(), {
    errorType,
    errorMessage,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionKey: instance.processDefinitionKey,
    processInstanceKey: instance.processInstanceKey,
    elementId: instance.elementId,
    elementInstanceKey: instance.key,
    jobKey,
    variableScopeKey: instance.key,
    tenantId: instance.tenantId,
    createdAt: ctx.now(),
  });
}

/** Incidents of an element instance that is left (terminated) are resolved with it. */
export function resolveIncidentsOf(ctx: BpmnContext, elementInstanceKey: number): void {
  for (const incident of ctx.state.incidents.ofElementInstance(elementInstanceKey)) {
    ctx.writer.append('INCIDENT', 'RESOLVED', incident.key, { ...incident });
  }
}
