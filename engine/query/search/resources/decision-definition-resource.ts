import type { ResourceSpec } from '../search-executor';
import { key, type Row } from './render';

/** Deployed decisions (engine_q_decision_definitions); deleted ones leave the table with their requirements. */
export const decisionDefinitionResource: ResourceSpec<Record<string, unknown>> = {
  name: 'decision definition',
  table: 'engine_q_decision_definitions',
  keyField: 'decisionDefinitionKey',
  keyColumn: 't.decision_definition_key',
  filters: {
    decisionDefinitionKey: { column: 't.decision_definition_key', kind: 'key' },
    decisionDefinitionId: { column: 't.decision_id', kind: 'string' },
    name: { column: 't.name', kind: 'string' },
    version: { column: 't.version', kind: 'int' },
    decisionRequirementsId: { column: 't.decision_requirements_id', kind: 'string' },
    decisionRequirementsKey: { column: 't.decision_requirements_key', kind: 'key' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
  },
  sorts: {
    decisionDefinitionKey: 't.decision_definition_key',
    decisionDefinitionId: 't.decision_id',
    name: 't.name',
    version: 't.version',
    decisionRequirementsId: 't.decision_requirements_id',
    decisionRequirementsKey: 't.decision_requirements_key',
    tenantId: 't.tenant_id',
  },
  toItem: (r: Row) => ({
    decisionDefinitionKey: key(r.decision_definition_key),
    decisionDefinitionId: String(r.decision_id),
    name: String(r.name),
    version: Number(r.version),
    decisionRequirementsId: String(r.decision_requirements_id),
    decisionRequirementsKey: key(r.decision_requirements_key),
    tenantId: String(r.tenant_id),
  }),
};
