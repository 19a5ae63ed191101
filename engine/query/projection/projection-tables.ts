/**
 * The projection tables the exporter writes (created by engine migration 2), with their primary keys and columns in
 * insert order. `NOT_SET` stands for a date or key that has no value yet (see the migration's comment).
 */
export const NOT_SET_DATE = 9e15;
export const NOT_SET_KEY = -1;

export interface TableMeta {
  name: string;
  key: string;
  columns: readonly string[];
  /** Values of columns a row may leave out (columns added by later migrations), instead of NULL. */
  defaults?: Readonly<Record<string, unknown>>;
}

const table = (name: string, key: string, columns: string, defaults?: Record<string, unknown>): TableMeta => ({
  name,
  key,
  columns: columns.split(/\s*,\s*/),
  ...(defaults ? { defaults } : {}),
});

export const TABLES = {
  definitions: table(
    'engine_q_process_definitions',
    'process_definition_key',
    'process_definition_key, bpmn_process_id, name, version, version_tag, resource_name, tenant_id, deployed_at, xml',
  ),
  instances: table(
    'engine_q_process_instances',
    'process_instance_key',
    'process_instance_key, bpmn_process_id, process_definition_key, version, state, start_date, end_date, ' +
      'parent_process_instance_key, parent_element_instance_key, incident_count, tenant_id, tree_path',
    { tree_path: '' },
  ),
  elements: table(
    'engine_q_element_instances',
    'element_instance_key',
    'element_instance_key, process_instance_key, process_definition_key, bpmn_process_id, element_id, type, state, ' +
      'flow_scope_key, start_date, end_date, incident_key, tenant_id, element_name',
    { element_name: '' },
  ),
  flows: table(
    'engine_q_sequence_flows',
    'sequence_flow_key',
    'sequence_flow_key, process_instance_key, process_definition_key, element_id, tenant_id',
  ),
  variables: table(
    'engine_q_variables',
    'variable_key',
    'variable_key, name, value, value_prefix, scope_key, process_instance_key, process_definition_key, ' +
      'bpmn_process_id, tenant_id',
  ),
  incidents: table(
    'engine_q_incidents',
    'incident_key',
    'incident_key, process_instance_key, process_definition_key, bpmn_process_id, element_id, element_instance_key, ' +
      'job_key, error_type, error_message, state, creation_time, tenant_id, error_hash_code',
  ),
  userTasks: table(
    'engine_q_user_tasks',
    'user_task_key',
    'user_task_key, state, element_id, element_instance_key, process_instance_key, process_definition_key, ' +
      'bpmn_process_id, version, tenant_id, assignee, candidate_groups, candidate_users, due_date, follow_up_date, ' +
      'priority, form_key, external_form_reference, creation_date, completion_date, element_name',
    { element_name: '' },
  ),
  jobs: table(
    'engine_q_jobs',
    'job_key',
    'job_key, type, worker, state, retries, process_instance_key, process_definition_key, bpmn_process_id, ' +
      'element_id, element_instance_key, error_message, error_code, deadline, end_time, custom_headers, tenant_id, ' +
      'kind, listener_event_type',
  ),
  messageSubscriptions: table(
    'engine_q_message_subscriptions',
    'message_subscription_key',
    'message_subscription_key, process_instance_key, process_definition_key, bpmn_process_id, element_id, ' +
      'element_instance_key, state, message_name, correlation_key, last_updated, tenant_id',
  ),
  decisionRequirements: table(
    'engine_q_decision_requirements',
    'decision_requirements_key',
    'decision_requirements_key, decision_requirements_id, name, version, resource_name, tenant_id, xml',
  ),
  decisions: table(
    'engine_q_decision_definitions',
    'decision_definition_key',
    'decision_definition_key, decision_id, name, version, decision_requirements_id, decision_requirements_key, tenant_id',
  ),
  decisionInstances: table(
    'engine_q_decision_instances',
    'instance_id',
    'instance_id, decision_instance_id, decision_evaluation_key, state, evaluation_date, evaluation_failure, ' +
      'decision_id, decision_key, decision_name, decision_version, decision_type, result, evaluated_inputs, ' +
      'matched_rules, process_definition_key, process_instance_key, element_instance_key, tenant_id',
  ),
} as const;

/**
 * A process instance's call tree path: the keys from the root instance down to it, as `/root/child/.../self/`, so
 * that an instance's called descendants are the rows whose path starts with its own.
 */
export const treePathOf = (parentPath: string | undefined, key: number): string => `${parentPath ?? '/'}${key}/`;
export const treePathKeys = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

export type TableName = keyof typeof TABLES;

export const CANDIDATES_TABLE = 'engine_q_user_task_candidates';
export const STATISTICS_TABLE = 'engine_q_element_statistics';
export const POSITION_TABLE = 'engine_q_position';
/** One-time work a migration left for the exporter, by name (see QueryExporter.backfill). */
export const BACKFILLS_TABLE = 'engine_q_backfills';

/** The first 255 characters of a variable's JSON value: the indexed part, so that equality search is a range scan. */
export const valuePrefix = (json: string): string => json.slice(0, 255);
