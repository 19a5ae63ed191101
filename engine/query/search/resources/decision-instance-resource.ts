import type { ResourceSpec } from '../search-executor';
import { compact, date, key, optionalKey, type Row } from './render';

/**
 * Decision instances (engine_q_decision_instances): one per decision evaluated, `decisionEvaluationInstanceKey`
 * being `<decisionEvaluationKey>-<n>`. The rows are keyed (and paged) by a zero-padded copy of it, so that the
 * keyset order is the evaluation order. Searches show the result; a get adds evaluated inputs and matched rules.
 */
export const decisionInstanceResource: ResourceSpec<Record<string, unknown>> = {
  name: 'decision instance',
  table: 'engine_q_decision_instances',
  keyField: 'decisionEvaluationInstanceKey',
  keyColumn: 't.instance_id',
  filters: {
    decisionEvaluationInstanceKey: { column: 't.decision_instance_id', kind: 'string' },
    decisionEvaluationKey: { column: 't.decision_evaluation_key', kind: 'key' },
    state: { column: 't.state', kind: 'string' },
    evaluationFailure: { column: 't.evaluation_failure', kind: 'string' },
    evaluationDate: { column: 't.evaluation_date', kind: 'date' },
    decisionDefinitionId: { column: 't.decision_id', kind: 'string' },
    decisionDefinitionKey: { column: 't.decision_key', kind: 'key' },
    decisionDefinitionName: { column: 't.decision_name', kind: 'string' },
    decisionDefinitionVersion: { column: 't.decision_version', kind: 'int' },
    decisionDefinitionType: { column: 't.decision_type', kind: 'string' },
    processDefinitionKey: { column: 't.process_definition_key', kind: 'key' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    elementInstanceKey: { column: 't.element_instance_key', kind: 'key' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
  },
  sorts: {
    decisionEvaluationInstanceKey: 't.instance_id',
    decisionEvaluationKey: 't.decision_evaluation_key',
    state: 't.state',
    evaluationDate: 't.evaluation_date',
    evaluationFailure: 't.evaluation_failure',
    decisionDefinitionId: 't.decision_id',
    decisionDefinitionKey: 't.decision_key',
    decisionDefinitionName: 't.decision_name',
    decisionDefinitionVersion: 't.decision_version',
    decisionDefinitionType: 't.decision_type',
    processDefinitionKey: 't.process_definition_key',
    processInstanceKey: 't.process_instance_key',
    elementInstanceKey: 't.element_instance_key',
    tenantId: 't.tenant_id',
  },
  toItem: decisionInstanceItem,
};

export function decisionInstanceItem(r: Row): Record<string, unknown> {
  return compact({
    decisionEvaluationInstanceKey: String(r.decision_instance_id),
    decisionEvaluationKey: key(r.decision_evaluation_key),
    state: String(r.state),
    evaluationDate: date(r.evaluation_date),
    evaluationFailure: r.evaluation_failure ? String(r.evaluation_failure) : undefined,
    decisionDefinitionId: String(r.decision_id),
    decisionDefinitionKey: optionalKey(r.decision_key),
    decisionDefinitionName: String(r.decision_name),
    decisionDefinitionVersion: Number(r.decision_version),
    decisionDefinitionType: String(r.decision_type),
    result: String(r.result),
    processDefinitionKey: optionalKey(r.process_definition_key),
    processInstanceKey: optionalKey(r.process_instance_key),
    elementInstanceKey: optionalKey(r.element_instance_key),
    tenantId: String(r.tenant_id),
  });
}

/** The get's item: the search item with the evaluated inputs and matched rules. */
export function decisionInstanceDetail(r: Row): Record<string, unknown> {
  return {
    ...decisionInstanceItem(r),
    evaluatedInputs: JSON.parse(String(r.evaluated_inputs)) as unknown,
    matchedRules: JSON.parse(String(r.matched_rules)) as unknown,
  };
}
