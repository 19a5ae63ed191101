import { invalidArgument } from '../../../errors';
import { booleanFilter } from '../filter-sql';
import type { ResourceSpec } from '../search-executor';
import { date, key, type Row } from './render';

/** Jobs (engine_q_jobs) in their last state; every job here is a BPMN element's job. */
export const jobResource: ResourceSpec<Record<string, unknown>> = {
  name: 'job',
  table: 'engine_q_jobs',
  keyField: 'jobKey',
  keyColumn: 't.job_key',
  filters: {
    jobKey: { column: 't.job_key', kind: 'key' },
    type: { column: 't.type', kind: 'string' },
    worker: { column: 't.worker', kind: 'string' },
    state: { column: 't.state', kind: 'string' },
    retries: { column: 't.retries', kind: 'int' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    processDefinitionKey: { column: 't.process_definition_key', kind: 'key' },
    processDefinitionId: { column: 't.bpmn_process_id', kind: 'string' },
    elementId: { column: 't.element_id', kind: 'string' },
    elementInstanceKey: { column: 't.element_instance_key', kind: 'key' },
    errorMessage: { column: 't.error_message', kind: 'string' },
    errorCode: { column: 't.error_code', kind: 'string' },
    deadline: { column: 't.deadline', kind: 'date' },
    endTime: { column: 't.end_time', kind: 'date' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
    hasFailedWithRetriesLeft: booleanFilter(
      'hasFailedWithRetriesLeft',
      "(t.state = 'FAILED' AND t.retries > 0)",
      "NOT (t.state = 'FAILED' AND t.retries > 0)",
    ),
    kind: {
      custom: (value, where) => {
        if (typeof value !== 'string') throw invalidArgument("The filter 'kind' needs a string.");
        if (value !== 'BPMN_ELEMENT') where.add('1 = 0');
      },
    },
  },
  sorts: {
    jobKey: 't.job_key',
    type: 't.type',
    worker: 't.worker',
    state: 't.state',
    retries: 't.retries',
    processInstanceKey: 't.process_instance_key',
    processDefinitionKey: 't.process_definition_key',
    processDefinitionId: 't.bpmn_process_id',
    elementId: 't.element_id',
    elementInstanceKey: 't.element_instance_key',
    errorMessage: "COALESCE(t.error_message, '')",
    errorCode: "COALESCE(t.error_code, '')",
    deadline: 't.deadline',
    endTime: 't.end_time',
    tenantId: 't.tenant_id',
  },
  toItem: (r: Row) => ({
    jobKey: key(r.job_key),
    type: String(r.type),
    worker: String(r.worker),
    state: String(r.state),
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
    retries: Number(r.retries),
    hasFailedWithRetriesLeft: r.state === 'FAILED' && Number(r.retries) > 0,
    processInstanceKey: key(r.process_instance_key),
    processDefinitionKey: key(r.process_definition_key),
    processDefinitionId: String(r.bpmn_process_id),
    elementId: String(r.element_id),
    elementInstanceKey: key(r.element_instance_key),
    errorMessage: r.error_message ?? null,
    errorCode: r.error_code ?? null,
    deadline: date(r.deadline) ?? null,
    endTime: date(r.end_time),
    customHeaders: JSON.parse(String(r.custom_headers ?? '{}')) as Record<string, string>,
    tenantId: String(r.tenant_id),
  }),
};
