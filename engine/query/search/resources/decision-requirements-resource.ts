import type { ResourceSpec } from '../search-executor';
import { key, type Row } from './render';

/** Deployed decision requirements graphs, i.e. DMN resources (engine_q_decision_requirements). */
export const decisionRequirementsResource: ResourceSpec<Record<string, unknown>> = {
  name: 'decision requirements',
  table: 'engine_q_decision_requirements',
  keyField: 'decisionRequirementsKey',
  keyColumn: 't.decision_requirements_key',
  filters: {
    decisionRequirementsKey: { column: 't.decision_requirements_key', kind: 'key' },
    decisionRequirementsId: { column: 't.decision_requirements_id', kind: 'string' },
    decisionRequirementsName: { column: 't.name', kind: 'string' },
    version: { column: 't.version', kind: 'int' },
    resourceName: { column: 't.resource_name', kind: 'string' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
  },
  sorts: {
    decisionRequirementsKey: 't.decision_requirements_key',
    decisionRequirementsId: 't.decision_requirements_id',
    decisionRequirementsName: 't.name',
    version: 't.version',
    tenantId: 't.tenant_id',
  },
  toItem: (r: Row) => ({
    decisionRequirementsKey: key(r.decision_requirements_key),
    decisionRequirementsId: String(r.decision_requirements_id),
    decisionRequirementsName: String(r.name),
    version: Number(r.version),
    resourceName: String(r.resource_name),
    tenantId: String(r.tenant_id),
  }),
};
