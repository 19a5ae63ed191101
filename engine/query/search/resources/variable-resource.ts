import { invalidArgument } from '../../../errors';
import type { ResourceSpec } from '../search-executor';
import { key, type Row } from './render';

/** Variables (engine_q_variables) of running and finished instances; values are JSON, never truncated here. */
export const variableResource: ResourceSpec<Record<string, unknown>> = {
  name: 'variable',
  table: 'engine_q_variables',
  keyField: 'variableKey',
  keyColumn: 't.variable_key',
  filters: {
    variableKey: { column: 't.variable_key', kind: 'key' },
    name: { column: 't.name', kind: 'string' },
    value: { column: 't.value', kind: 'string' },
    scopeKey: { column: 't.scope_key', kind: 'key' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
    isTruncated: {
      custom: (value, where) => {
        if (typeof value !== 'boolean') throw invalidArgument("The filter 'isTruncated' needs a boolean.");
        if (value) where.add('1 = 0');
      },
    },
  },
  sorts: {
    variableKey: 't.variable_key',
    name: 't.name',
    value: 't.value_prefix',
    scopeKey: 't.scope_key',
    processInstanceKey: 't.process_instance_key',
    tenantId: 't.tenant_id',
  },
  toItem: (r: Row) => ({
    variableKey: key(r.variable_key),
    name: String(r.name),
    value: String(r.value),
    isTruncated: false,
    scopeKey: key(r.scope_key),
    processInstanceKey: key(r.process_instance_key),
    tenantId: String(r.tenant_id),
  }),
};
