import { booleanFilter } from '../filter-sql';
import type { ResourceSpec } from '../search-executor';
import { compact, date, key, optionalKey, text, type Row } from './render';

/**
 * Element instances (engine_q_element_instances) without the process instance itself: the table keeps a PROCESS row
 * per instance (for the scope walk of task variables), but Camunda's element instances are the flow nodes only, so
 * a search or a get by key never answers it (docs/decisions/0020). The element name is the BPMN element's `name`,
 * else its id.
 */
export const elementInstanceResource: ResourceSpec<Record<string, unknown>> = {
  name: 'element instance',
  table: 'engine_q_element_instances',
  keyField: 'elementInstanceKey',
  keyColumn: 't.element_instance_key',
  rowCondition: "t.type <> 'PROCESS'",
  filters: {
    elementInstanceKey: { column: 't.element_instance_key', kind: 'key' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    processDefinitionKey: { column: 't.process_definition_key', kind: 'key' },
    processDefinitionId: { column: 't.bpmn_process_id', kind: 'string' },
    elementId: { column: 't.element_id', kind: 'string' },
    elementName: { column: 't.element_name', kind: 'string' },
    type: { column: 't.type', kind: 'string' },
    state: { column: 't.state', kind: 'string' },
    hasIncident: booleanFilter('hasIncident', 't.incident_key <> -1', 't.incident_key = -1'),
    incidentKey: { column: 't.incident_key', kind: 'key' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
    startDate: { column: 't.start_date', kind: 'date' },
    endDate: { column: 't.end_date', kind: 'date' },
    elementInstanceScopeKey: { column: 't.flow_scope_key', kind: 'key' },
  },
  sorts: {
    elementInstanceKey: 't.element_instance_key',
    processInstanceKey: 't.process_instance_key',
    processDefinitionKey: 't.process_definition_key',
    processDefinitionId: 't.bpmn_process_id',
    startDate: 't.start_date',
    endDate: 't.end_date',
    elementId: 't.element_id',
    elementName: 't.element_name',
    type: 't.type',
    state: 't.state',
    incidentKey: 't.incident_key',
    tenantId: 't.tenant_id',
  },
  toItem: (r: Row) =>
    compact({
      elementInstanceKey: key(r.element_instance_key),
      processInstanceKey: key(r.process_instance_key),
      processDefinitionKey: key(r.process_definition_key),
      processDefinitionId: String(r.bpmn_process_id),
      elementId: String(r.element_id),
      elementName: text(r.element_name) ?? String(r.element_id),
      type: String(r.type),
      state: String(r.state),
      hasIncident: Number(r.incident_key) !== -1,
      incidentKey: optionalKey(r.incident_key),
      startDate: date(r.start_date),
      endDate: date(r.end_date),
      tenantId: String(r.tenant_id),
    }),
};
