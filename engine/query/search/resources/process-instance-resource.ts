import { booleanFilter } from '../filter-sql';
import type { ResourceSpec } from '../search-executor';
import { compact, date, key, optionalKey, type Row } from './render';
import {
  batchOperationFilter,
  definitionFilter,
  elementInstanceGroup,
  errorMessageFilter,
  incidentHashFilter,
  retriesLeftFilter,
} from './instance-related-filters';
import { variablesFilter } from './variable-filter';

/** The fields of Camunda's BaseProcessInstanceFilterFields (8.8): a process-instance filter without definition fields. */
export const BASE_PROCESS_INSTANCE_FIELDS = [
  'processInstanceKey',
  'state',
  'startDate',
  'endDate',
  'parentProcessInstanceKey',
  'parentElementInstanceKey',
  'hasIncident',
  'tenantId',
  'variables',
  'elementId',
  'elementInstanceState',
  'hasElementInstanceIncident',
  'errorMessage',
  'hasRetriesLeft',
  'batchOperationId',
  'incidentErrorHashCode',
] as const;

/**
 * Process instances (engine_q_process_instances), with the definition's name joined for the items. The filter is
 * Camunda's ProcessInstanceFilter: the base fields, the definition's, and `$or` of both.
 */
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
    processDefinitionName: definitionFilter('processDefinitionName', 'COALESCE(pd.name, pd.bpmn_process_id)'),
    processDefinitionVersionTag: definitionFilter('processDefinitionVersionTag', 'pd.version_tag'),
    state: { column: 't.state', kind: 'string' },
    startDate: { column: 't.start_date', kind: 'date' },
    endDate: { column: 't.end_date', kind: 'date' },
    parentProcessInstanceKey: { column: 't.parent_process_instance_key', kind: 'key' },
    parentElementInstanceKey: { column: 't.parent_element_instance_key', kind: 'key' },
    hasIncident: booleanFilter('hasIncident', 't.incident_count > 0', 't.incident_count = 0'),
    tenantId: { column: 't.tenant_id', kind: 'string' },
    variables: variablesFilter('variables', 't.process_instance_key', 'process_instance_key'),
    errorMessage: errorMessageFilter,
    hasRetriesLeft: retriesLeftFilter,
    batchOperationId: batchOperationFilter,
    incidentErrorHashCode: incidentHashFilter,
  },
  filterGroups: [elementInstanceGroup],
  orFields: [
    ...BASE_PROCESS_INSTANCE_FIELDS,
    'processDefinitionId',
    'processDefinitionKey',
    'processDefinitionVersion',
    'processDefinitionName',
    'processDefinitionVersionTag',
  ],
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
