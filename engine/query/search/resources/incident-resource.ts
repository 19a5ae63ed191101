import type { ResourceSpec } from '../search-executor';
import { compact, date, key, optionalKey, type Row } from './render';

/** Incidents (engine_q_incidents), active and resolved. */
export const incidentResource: ResourceSpec<Record<string, unknown>> = {
  name: 'incident',
  table: 'engine_q_incidents',
  keyField: 'incidentKey',
  keyColumn: 't.incident_key',
  filters: {
    incidentKey: { column: 't.incident_key', kind: 'key' },
    processDefinitionKey: { column: 't.process_definition_key', kind: 'key' },
    processDefinitionId: { column: 't.bpmn_process_id', kind: 'string' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    errorType: { column: 't.error_type', kind: 'string' },
    errorMessage: { column: 't.error_message', kind: 'string' },
    elementId: { column: 't.element_id', kind: 'string' },
    elementInstanceKey: { column: 't.element_instance_key', kind: 'key' },
    creationTime: { column: 't.creation_time', kind: 'date' },
    state: { column: 't.state', kind: 'string' },
    jobKey: { column: 't.job_key', kind: 'key' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
  },
  sorts: {
    incidentKey: 't.incident_key',
    processDefinitionKey: 't.process_definition_key',
    processDefinitionId: 't.bpmn_process_id',
    processInstanceKey: 't.process_instance_key',
    errorType: 't.error_type',
    errorMessage: 't.error_message',
    elementId: 't.element_id',
    elementInstanceKey: 't.element_instance_key',
    creationTime: 't.creation_time',
    state: 't.state',
    jobKey: 't.job_key',
    tenantId: 't.tenant_id',
  },
  toItem: (r: Row) =>
    compact({
      incidentKey: key(r.incident_key),
      processDefinitionKey: key(r.process_definition_key),
      processDefinitionId: String(r.bpmn_process_id),
      processInstanceKey: key(r.process_instance_key),
      errorType: String(r.error_type),
      errorMessage: String(r.error_message),
      elementId: String(r.element_id),
      elementInstanceKey: key(r.element_instance_key),
      creationTime: date(r.creation_time),
      state: String(r.state),
      jobKey: optionalKey(r.job_key),
      tenantId: String(r.tenant_id),
    }),
};
