import { booleanFilter } from '../filter-sql';
import type { ResourceSpec } from '../search-executor';
import { compact, date, key, optionalKey, type Row } from './render';
import { variablesFilter } from './variable-filter';

/** Process instances (engine_q_process_instances), with the definition's name joined for the items. */
export const processInstanceResource: ResourceSpec<Record<string, unknown>> = {
  name: 'process instance',
  table: 'engine_q_process_instances',
  keyField: 'processInstanceKey',
  keyColumn: 't.process_instance_key',
  filters: {
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    processDefinitionId: { column: 't.bpmn_process_id', kind: 'string' },
    processDefinitionKey: { column: 't.process_definition_key', kind: 'key' },
    processDefinitionVersion: { column: 't.version', kind: 'int' },
    state: { column: 't.state', kind: 'string' },
    startDate: { column: 't.start_date', kind: 'date' },
    endDate: { column: 't.end_date', kind: 'date' },
    parentProcessInstanceKey: { column: 't.parent_process_instance_key', kind: 'key' },
    parentElementInstanceKey: { column: 't.parent_element_instance_key', kind: 'key' },
    hasIncident: booleanFilter('hasIncident', 't.incident_count > 0', 't.incident_count = 0'),
    tenantId: { column: 't.tenant_id', kind: 'string' },
    variables: variablesFilter('variables', 't.process_instance_key', 'process_instance_key'),
    elementId: {
      custom: (value, where) =>
        where.add(
          't.process_instance_key IN (SELECT e.process_instance_key FROM engine_q_element_instances e WHERE e.element_id = ?)',
          String(value),
        ),
    },
  },
  sorts: {
    processInstanceKey: 't.process_instance_key',
    processDefinitionId: 't.bpmn_process_id',
    processDefinitionName: 'COALESCE(d.name, t.bpmn_process_id)',
    processDefinitionVersion: 't.version',
    processDefinitionKey: 't.process_definition_key',
    parentProcessInstanceKey: 't.parent_process_instance_key',
    parentElementInstanceKey: 't.parent_element_instance_key',
    startDate: 't.start_date',
    endDate: 't.end_date',
    state: 't.state',
    hasIncident: 'CASE WHEN t.incident_count > 0 THEN 1 ELSE 0 END',
    tenantId: 't.tenant_id',
  },
  select: 'd.name AS definition_name',
  join: 'LEFT JOIN engine_q_process_definitions d ON d.process_definition_key = t.process_definition_key',
  toItem: (r: Row) =>
    compact({
      processInstanceKey: key(r.process_instance_key),
      processDefinitionId: String(r.bpmn_process_id),
      processDefinitionName: String(r.definition_name ?? r.bpmn_process_id),
      processDefinitionVersion: Number(r.version),
      processDefinitionKey: key(r.process_definition_key),
      startDate: date(r.start_date),
      endDate: date(r.end_date),
      state: String(r.state),
      hasIncident: Number(r.incident_count) > 0,
      tenantId: String(r.tenant_id),
      parentProcessInstanceKey: optionalKey(r.parent_process_instance_key),
      parentElementInstanceKey: optionalKey(r.parent_element_instance_key),
    }),
};
