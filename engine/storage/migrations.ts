/**
 * The engine's schema, as an ordered list of migrations. Each migration has the statements for SQLite and for
 * MySQL/MariaDB; `open()` of a storage applies the ones not yet recorded in `engine_schema_migrations`, in order.
 *
 * Rules: never edit or reorder a migration that has shipped; add a new one with the next id. Every table the
 * engine owns starts with `engine_` because the application may share the database. One statement per string
 * (the MySQL driver runs one statement per call).
 */

export type SqlDialect = 'sqlite' | 'mysql';

export interface Migration {
  /** Increasing from 1, without gaps. */
  id: number;
  name: string;
  sqlite: string[];
  mysql: string[];
}

export const MIGRATIONS_TABLE = 'engine_schema_migrations';

/** Creates the table recording applied migrations; idempotent. */
export const MIGRATIONS_TABLE_DDL: Record<SqlDialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`,
  mysql: `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
    id INT NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    applied_at BIGINT NOT NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
};

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'create engine_records and engine_state',
    sqlite: [
      `CREATE TABLE engine_records (
        position INTEGER PRIMARY KEY,
        record_key INTEGER NOT NULL,
        value_type TEXT NOT NULL,
        intent TEXT NOT NULL,
        record_type TEXT NOT NULL,
        process_instance_key INTEGER NULL,
        timestamp INTEGER NOT NULL,
        value TEXT NOT NULL
      )`,
      `CREATE INDEX engine_records_process_instance ON engine_records (process_instance_key, position)`,
      `CREATE TABLE engine_state (
        cf TEXT NOT NULL,
        state_key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (cf, state_key)
      ) WITHOUT ROWID`,
    ],
    // Keys are compared byte for byte (utf8mb4_bin): state keys are case-sensitive.
    mysql: [
      `CREATE TABLE engine_records (
        position BIGINT NOT NULL PRIMARY KEY,
        record_key BIGINT NOT NULL,
        value_type VARCHAR(64) NOT NULL,
        intent VARCHAR(64) NOT NULL,
        record_type VARCHAR(32) NOT NULL,
        process_instance_key BIGINT NULL,
        \`timestamp\` BIGINT NOT NULL,
        value LONGTEXT NOT NULL,
        KEY engine_records_process_instance (process_instance_key, position)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_state (
        cf VARCHAR(64) NOT NULL,
        state_key VARCHAR(512) NOT NULL,
        value LONGTEXT NOT NULL,
        PRIMARY KEY (cf, state_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
  {
    id: 2,
    name: 'create engine_q_ query projections (docs/decisions/0007)',
    // Read models the query API searches, written by engine/query's exporter after each commit. Dates are epoch ms;
    // a date that is not set (an instance still running, a task without due date) is 9e15, so that it sorts last
    // and keyset paging needs no NULL handling. Keys that are not set are -1.
    sqlite: [
      `CREATE TABLE engine_q_position (
        id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (id)
      )`,
      `CREATE TABLE engine_q_process_definitions (
        process_definition_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        name TEXT NULL,
        version INTEGER NOT NULL,
        version_tag TEXT NULL,
        resource_name TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        deployed_at INTEGER NOT NULL,
        xml TEXT NULL,
        PRIMARY KEY (process_definition_key)
      )`,
      `CREATE INDEX engine_q_process_definitions_bpmn_process_id ON engine_q_process_definitions (bpmn_process_id, version)`,
      `CREATE TABLE engine_q_process_instances (
        process_instance_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        process_definition_key INTEGER NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL,
        start_date INTEGER NOT NULL,
        end_date INTEGER NOT NULL,
        parent_process_instance_key INTEGER NOT NULL,
        parent_element_instance_key INTEGER NOT NULL,
        incident_count INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (process_instance_key)
      )`,
      `CREATE INDEX engine_q_process_instances_start ON engine_q_process_instances (start_date, process_instance_key)`,
      `CREATE INDEX engine_q_process_instances_end ON engine_q_process_instances (end_date, process_instance_key)`,
      `CREATE INDEX engine_q_process_instances_process_state ON engine_q_process_instances (bpmn_process_id, state, start_date)`,
      `CREATE INDEX engine_q_process_instances_definition ON engine_q_process_instances (process_definition_key, state, start_date)`,
      `CREATE INDEX engine_q_process_instances_state ON engine_q_process_instances (state, start_date)`,
      `CREATE INDEX engine_q_process_instances_parent ON engine_q_process_instances (parent_process_instance_key)`,
      `CREATE TABLE engine_q_element_instances (
        element_instance_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        element_id TEXT NOT NULL,
        type TEXT NOT NULL,
        state TEXT NOT NULL,
        flow_scope_key INTEGER NOT NULL,
        start_date INTEGER NOT NULL,
        end_date INTEGER NOT NULL,
        incident_key INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (element_instance_key)
      )`,
      `CREATE INDEX engine_q_element_instances_instance ON engine_q_element_instances (process_instance_key, start_date)`,
      `CREATE INDEX engine_q_element_instances_definition ON engine_q_element_instances (process_definition_key, element_id, state)`,
      `CREATE TABLE engine_q_element_statistics (
        process_definition_key INTEGER NOT NULL,
        element_id TEXT NOT NULL,
        active INTEGER NOT NULL,
        completed INTEGER NOT NULL,
        canceled INTEGER NOT NULL,
        incidents INTEGER NOT NULL,
        PRIMARY KEY (process_definition_key, element_id)
      ) WITHOUT ROWID`,
      `CREATE TABLE engine_q_sequence_flows (
        sequence_flow_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL,
        element_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (sequence_flow_key)
      )`,
      `CREATE INDEX engine_q_sequence_flows_instance ON engine_q_sequence_flows (process_instance_key)`,
      `CREATE TABLE engine_q_variables (
        variable_key INTEGER NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        value_prefix TEXT NOT NULL,
        scope_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (variable_key)
      )`,
      `CREATE INDEX engine_q_variables_name_value ON engine_q_variables (name, value_prefix, process_instance_key)`,
      `CREATE INDEX engine_q_variables_scope ON engine_q_variables (scope_key, name)`,
      `CREATE INDEX engine_q_variables_instance ON engine_q_variables (process_instance_key, name)`,
      `CREATE TABLE engine_q_incidents (
        incident_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        element_id TEXT NOT NULL,
        element_instance_key INTEGER NOT NULL,
        job_key INTEGER NOT NULL,
        error_type TEXT NOT NULL,
        error_message TEXT NOT NULL,
        state TEXT NOT NULL,
        creation_time INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (incident_key)
      )`,
      `CREATE INDEX engine_q_incidents_instance ON engine_q_incidents (process_instance_key)`,
      `CREATE INDEX engine_q_incidents_state ON engine_q_incidents (state, creation_time)`,
      `CREATE TABLE engine_q_user_tasks (
        user_task_key INTEGER NOT NULL,
        state TEXT NOT NULL,
        element_id TEXT NOT NULL,
        element_instance_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        assignee TEXT NULL,
        candidate_groups TEXT NOT NULL,
        candidate_users TEXT NOT NULL,
        due_date INTEGER NOT NULL,
        follow_up_date INTEGER NOT NULL,
        priority INTEGER NOT NULL,
        form_key INTEGER NOT NULL,
        external_form_reference TEXT NULL,
        creation_date INTEGER NOT NULL,
        completion_date INTEGER NOT NULL,
        PRIMARY KEY (user_task_key)
      )`,
      `CREATE INDEX engine_q_user_tasks_state_due ON engine_q_user_tasks (state, due_date, user_task_key)`,
      `CREATE INDEX engine_q_user_tasks_assignee ON engine_q_user_tasks (assignee, state, due_date)`,
      `CREATE INDEX engine_q_user_tasks_instance ON engine_q_user_tasks (process_instance_key)`,
      `CREATE INDEX engine_q_user_tasks_creation ON engine_q_user_tasks (state, creation_date)`,
      `CREATE TABLE engine_q_user_task_candidates (
        kind TEXT NOT NULL,
        candidate TEXT NOT NULL,
        state TEXT NOT NULL,
        due_date INTEGER NOT NULL,
        user_task_key INTEGER NOT NULL,
        PRIMARY KEY (kind, candidate, state, due_date, user_task_key)
      ) WITHOUT ROWID`,
      `CREATE INDEX engine_q_user_task_candidates_task ON engine_q_user_task_candidates (user_task_key)`,
      `CREATE TABLE engine_q_jobs (
        job_key INTEGER NOT NULL,
        type TEXT NOT NULL,
        worker TEXT NOT NULL,
        state TEXT NOT NULL,
        retries INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        element_id TEXT NOT NULL,
        element_instance_key INTEGER NOT NULL,
        error_message TEXT NULL,
        error_code TEXT NULL,
        deadline INTEGER NOT NULL,
        end_time INTEGER NOT NULL,
        custom_headers TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (job_key)
      )`,
      `CREATE INDEX engine_q_jobs_instance ON engine_q_jobs (process_instance_key)`,
      `CREATE INDEX engine_q_jobs_type_state ON engine_q_jobs (type, state)`,
      `CREATE TABLE engine_q_message_subscriptions (
        message_subscription_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL,
        bpmn_process_id TEXT NOT NULL,
        element_id TEXT NOT NULL,
        element_instance_key INTEGER NOT NULL,
        state TEXT NOT NULL,
        message_name TEXT NOT NULL,
        correlation_key TEXT NOT NULL,
        last_updated INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        PRIMARY KEY (message_subscription_key)
      )`,
      `CREATE INDEX engine_q_message_subscriptions_instance ON engine_q_message_subscriptions (process_instance_key)`,
      `CREATE INDEX engine_q_message_subscriptions_name ON engine_q_message_subscriptions (message_name, correlation_key)`,
    ],
    mysql: [
      `CREATE TABLE engine_q_position (
        id INT NOT NULL,
        position BIGINT NOT NULL,
        PRIMARY KEY (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_process_definitions (
        process_definition_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        name VARCHAR(255) NULL,
        version INT NOT NULL,
        version_tag VARCHAR(255) NULL,
        resource_name VARCHAR(255) NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        deployed_at BIGINT NOT NULL,
        xml LONGTEXT NULL,
        PRIMARY KEY (process_definition_key),
        KEY engine_q_process_definitions_bpmn_process_id (bpmn_process_id, version)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_process_instances (
        process_instance_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        process_definition_key BIGINT NOT NULL,
        version INT NOT NULL,
        state VARCHAR(32) NOT NULL,
        start_date BIGINT NOT NULL,
        end_date BIGINT NOT NULL,
        parent_process_instance_key BIGINT NOT NULL,
        parent_element_instance_key BIGINT NOT NULL,
        incident_count INT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (process_instance_key),
        KEY engine_q_process_instances_start (start_date, process_instance_key),
        KEY engine_q_process_instances_end (end_date, process_instance_key),
        KEY engine_q_process_instances_process_state (bpmn_process_id, state, start_date),
        KEY engine_q_process_instances_definition (process_definition_key, state, start_date),
        KEY engine_q_process_instances_state (state, start_date),
        KEY engine_q_process_instances_parent (parent_process_instance_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_element_instances (
        element_instance_key BIGINT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        element_id VARCHAR(255) NOT NULL,
        type VARCHAR(32) NOT NULL,
        state VARCHAR(32) NOT NULL,
        flow_scope_key BIGINT NOT NULL,
        start_date BIGINT NOT NULL,
        end_date BIGINT NOT NULL,
        incident_key BIGINT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (element_instance_key),
        KEY engine_q_element_instances_instance (process_instance_key, start_date),
        KEY engine_q_element_instances_definition (process_definition_key, element_id, state)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_element_statistics (
        process_definition_key BIGINT NOT NULL,
        element_id VARCHAR(255) NOT NULL,
        active BIGINT NOT NULL,
        completed BIGINT NOT NULL,
        canceled BIGINT NOT NULL,
        incidents BIGINT NOT NULL,
        PRIMARY KEY (process_definition_key, element_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_sequence_flows (
        sequence_flow_key BIGINT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        element_id VARCHAR(255) NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (sequence_flow_key),
        KEY engine_q_sequence_flows_instance (process_instance_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_variables (
        variable_key BIGINT NOT NULL,
        name VARCHAR(255) NOT NULL,
        value LONGTEXT NOT NULL,
        value_prefix VARCHAR(255) NOT NULL,
        scope_key BIGINT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (variable_key),
        KEY engine_q_variables_name_value (name, value_prefix, process_instance_key),
        KEY engine_q_variables_scope (scope_key, name),
        KEY engine_q_variables_instance (process_instance_key, name)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_incidents (
        incident_key BIGINT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        element_id VARCHAR(255) NOT NULL,
        element_instance_key BIGINT NOT NULL,
        job_key BIGINT NOT NULL,
        error_type VARCHAR(32) NOT NULL,
        error_message LONGTEXT NOT NULL,
        state VARCHAR(32) NOT NULL,
        creation_time BIGINT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (incident_key),
        KEY engine_q_incidents_instance (process_instance_key),
        KEY engine_q_incidents_state (state, creation_time)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_user_tasks (
        user_task_key BIGINT NOT NULL,
        state VARCHAR(32) NOT NULL,
        element_id VARCHAR(255) NOT NULL,
        element_instance_key BIGINT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        version INT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        assignee VARCHAR(255) NULL,
        candidate_groups LONGTEXT NOT NULL,
        candidate_users LONGTEXT NOT NULL,
        due_date BIGINT NOT NULL,
        follow_up_date BIGINT NOT NULL,
        priority INT NOT NULL,
        form_key BIGINT NOT NULL,
        external_form_reference VARCHAR(255) NULL,
        creation_date BIGINT NOT NULL,
        completion_date BIGINT NOT NULL,
        PRIMARY KEY (user_task_key),
        KEY engine_q_user_tasks_state_due (state, due_date, user_task_key),
        KEY engine_q_user_tasks_assignee (assignee, state, due_date),
        KEY engine_q_user_tasks_instance (process_instance_key),
        KEY engine_q_user_tasks_creation (state, creation_date)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_user_task_candidates (
        kind VARCHAR(32) NOT NULL,
        candidate VARCHAR(255) NOT NULL,
        state VARCHAR(32) NOT NULL,
        due_date BIGINT NOT NULL,
        user_task_key BIGINT NOT NULL,
        PRIMARY KEY (kind, candidate, state, due_date, user_task_key),
        KEY engine_q_user_task_candidates_task (user_task_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_jobs (
        job_key BIGINT NOT NULL,
        type VARCHAR(255) NOT NULL,
        worker VARCHAR(255) NOT NULL,
        state VARCHAR(32) NOT NULL,
        retries INT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        element_id VARCHAR(255) NOT NULL,
        element_instance_key BIGINT NOT NULL,
        error_message LONGTEXT NULL,
        error_code VARCHAR(255) NULL,
        deadline BIGINT NOT NULL,
        end_time BIGINT NOT NULL,
        custom_headers LONGTEXT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (job_key),
        KEY engine_q_jobs_instance (process_instance_key),
        KEY engine_q_jobs_type_state (type, state)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_message_subscriptions (
        message_subscription_key BIGINT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        bpmn_process_id VARCHAR(255) NOT NULL,
        element_id VARCHAR(255) NOT NULL,
        element_instance_key BIGINT NOT NULL,
        state VARCHAR(32) NOT NULL,
        message_name VARCHAR(255) NOT NULL,
        correlation_key VARCHAR(255) NOT NULL,
        last_updated BIGINT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (message_subscription_key),
        KEY engine_q_message_subscriptions_instance (process_instance_key),
        KEY engine_q_message_subscriptions_name (message_name, correlation_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
  {
    id: 3,
    name: 'query projections of decisions, and call trees of process instances',
    sqlite: [
      `ALTER TABLE engine_q_process_instances ADD COLUMN tree_path TEXT NOT NULL DEFAULT ''`,
      `CREATE INDEX engine_q_process_instances_tree ON engine_q_process_instances (tree_path)`,
      `CREATE TABLE engine_q_decision_requirements (
        decision_requirements_key INTEGER PRIMARY KEY,
        decision_requirements_id TEXT NOT NULL,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        resource_name TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        xml TEXT NULL
      )`,
      `CREATE TABLE engine_q_decision_definitions (
        decision_definition_key INTEGER PRIMARY KEY,
        decision_id TEXT NOT NULL,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        decision_requirements_id TEXT NOT NULL,
        decision_requirements_key INTEGER NOT NULL,
        tenant_id TEXT NOT NULL
      )`,
      `CREATE INDEX engine_q_decision_definitions_id ON engine_q_decision_definitions (decision_id, version)`,
      `CREATE TABLE engine_q_decision_instances (
        instance_id TEXT PRIMARY KEY,
        decision_instance_id TEXT NOT NULL,
        decision_evaluation_key INTEGER NOT NULL,
        state TEXT NOT NULL,
        evaluation_date INTEGER NOT NULL,
        evaluation_failure TEXT NOT NULL,
        decision_id TEXT NOT NULL,
        decision_key INTEGER NOT NULL,
        decision_name TEXT NOT NULL,
        decision_version INTEGER NOT NULL,
        decision_type TEXT NOT NULL,
        result TEXT NOT NULL,
        evaluated_inputs TEXT NOT NULL,
        matched_rules TEXT NOT NULL,
        process_definition_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL,
        element_instance_key INTEGER NOT NULL,
        tenant_id TEXT NOT NULL
      ) WITHOUT ROWID`,
      `CREATE INDEX engine_q_decision_instances_evaluation ON engine_q_decision_instances (decision_evaluation_key)`,
      `CREATE INDEX engine_q_decision_instances_instance ON engine_q_decision_instances (process_instance_key)`,
      `CREATE INDEX engine_q_decision_instances_decision ON engine_q_decision_instances (decision_id, evaluation_date)`,
    ],
    mysql: [
      `ALTER TABLE engine_q_process_instances ADD COLUMN tree_path VARCHAR(512) NOT NULL DEFAULT ''`,
      `CREATE INDEX engine_q_process_instances_tree ON engine_q_process_instances (tree_path)`,
      `CREATE TABLE engine_q_decision_requirements (
        decision_requirements_key BIGINT NOT NULL,
        decision_requirements_id VARCHAR(255) NOT NULL,
        name VARCHAR(255) NOT NULL,
        version INT NOT NULL,
        resource_name VARCHAR(255) NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        xml LONGTEXT NULL,
        PRIMARY KEY (decision_requirements_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_decision_definitions (
        decision_definition_key BIGINT NOT NULL,
        decision_id VARCHAR(255) NOT NULL,
        name VARCHAR(255) NOT NULL,
        version INT NOT NULL,
        decision_requirements_id VARCHAR(255) NOT NULL,
        decision_requirements_key BIGINT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (decision_definition_key),
        KEY engine_q_decision_definitions_id (decision_id, version)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `CREATE TABLE engine_q_decision_instances (
        instance_id VARCHAR(64) NOT NULL,
        decision_instance_id VARCHAR(64) NOT NULL,
        decision_evaluation_key BIGINT NOT NULL,
        state VARCHAR(32) NOT NULL,
        evaluation_date BIGINT NOT NULL,
        evaluation_failure LONGTEXT NOT NULL,
        decision_id VARCHAR(255) NOT NULL,
        decision_key BIGINT NOT NULL,
        decision_name VARCHAR(255) NOT NULL,
        decision_version INT NOT NULL,
        decision_type VARCHAR(64) NOT NULL,
        result LONGTEXT NOT NULL,
        evaluated_inputs LONGTEXT NOT NULL,
        matched_rules LONGTEXT NOT NULL,
        process_definition_key BIGINT NOT NULL,
        process_instance_key BIGINT NOT NULL,
        element_instance_key BIGINT NOT NULL,
        tenant_id VARCHAR(255) NOT NULL,
        PRIMARY KEY (instance_id),
        KEY engine_q_decision_instances_evaluation (decision_evaluation_key),
        KEY engine_q_decision_instances_instance (process_instance_key),
        KEY engine_q_decision_instances_decision (decision_id, evaluation_date)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
  {
    id: 4,
    name: 'element names in the element instance and user task projections',
    // Rows exported before this migration have an empty name until the exporter's one-time backfill
    // (engine_q_backfills 'element_names') gives them their element's name, or its id.
    sqlite: [
      `ALTER TABLE engine_q_element_instances ADD COLUMN element_name TEXT NOT NULL DEFAULT ''`,
      `ALTER TABLE engine_q_user_tasks ADD COLUMN element_name TEXT NOT NULL DEFAULT ''`,
      `CREATE TABLE engine_q_backfills (name TEXT PRIMARY KEY) WITHOUT ROWID`,
      `INSERT INTO engine_q_backfills (name) VALUES ('element_names')`,
    ],
    mysql: [
      `ALTER TABLE engine_q_element_instances ADD COLUMN element_name VARCHAR(1024) NOT NULL DEFAULT ''`,
      `ALTER TABLE engine_q_user_tasks ADD COLUMN element_name VARCHAR(1024) NOT NULL DEFAULT ''`,
      `CREATE TABLE engine_q_backfills (
        name VARCHAR(64) NOT NULL,
        PRIMARY KEY (name)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      `INSERT INTO engine_q_backfills (name) VALUES ('element_names')`,
    ],
  },
  {
    id: 5,
    name: 'the holder of the data lock (MySQL)',
    // SQLite keeps its holder in the lock file beside the database (storage/data-lock.ts); MySQL's GET_LOCK cannot
    // say who holds it, so the holder writes itself here for a refused start to read.
    sqlite: [],
    mysql: [
      `CREATE TABLE engine_data_lock (
        lock_name VARCHAR(64) NOT NULL,
        pid INT NOT NULL,
        hostname VARCHAR(255) NOT NULL,
        since VARCHAR(32) NOT NULL,
        grpc VARCHAR(255) NULL,
        rest VARCHAR(255) NULL,
        PRIMARY KEY (lock_name)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ],
  },
  {
    id: 6,
    name: 'job kind and listener event type in the job projection',
    // Jobs exported before: BPMN_ELEMENT / UNSPECIFIED, except listener jobs, whose kind and event type their
    // CREATED record holds (listeners came before this column did). Records not yet exported need nothing here.
    sqlite: [
      `ALTER TABLE engine_q_jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'BPMN_ELEMENT'`,
      `ALTER TABLE engine_q_jobs ADD COLUMN listener_event_type TEXT NOT NULL DEFAULT 'UNSPECIFIED'`,
      `UPDATE engine_q_jobs SET kind = r.kind, listener_event_type = r.event_type
        FROM (SELECT record_key, json_extract(value, '$.kind') AS kind,
                     COALESCE(json_extract(value, '$.listenerEventType'), 'UNSPECIFIED') AS event_type
              FROM engine_records
              WHERE value_type = 'JOB' AND intent = 'CREATED' AND json_extract(value, '$.kind') IS NOT NULL) AS r
        WHERE engine_q_jobs.job_key = r.record_key`,
      `CREATE INDEX engine_q_jobs_kind ON engine_q_jobs (kind, listener_event_type)`,
    ],
    mysql: [
      `ALTER TABLE engine_q_jobs ADD COLUMN kind VARCHAR(32) NOT NULL DEFAULT 'BPMN_ELEMENT'`,
      `ALTER TABLE engine_q_jobs ADD COLUMN listener_event_type VARCHAR(32) NOT NULL DEFAULT 'UNSPECIFIED'`,
      `UPDATE engine_q_jobs j
        JOIN engine_records r ON r.record_key = j.job_key AND r.value_type = 'JOB' AND r.intent = 'CREATED'
        SET j.kind = JSON_VALUE(r.value, '$.kind'),
            j.listener_event_type = COALESCE(JSON_VALUE(r.value, '$.listenerEventType'), 'UNSPECIFIED')
        WHERE JSON_VALUE(r.value, '$.kind') IS NOT NULL`,
      `CREATE INDEX engine_q_jobs_kind ON engine_q_jobs (kind, listener_event_type)`,
    ],
  },
  {
    id: 7,
    name: "the hash of an incident's message in the incident projection",
    // Java's String.hashCode cannot be computed in SQL: rows exported before get theirs from the exporter's
    // one-time backfill (engine_q_backfills), which finds them by the NULL.
    sqlite: [
      `ALTER TABLE engine_q_incidents ADD COLUMN error_hash_code INTEGER NULL`,
      `CREATE INDEX engine_q_incidents_error_hash ON engine_q_incidents (error_hash_code)`,
      `INSERT INTO engine_q_backfills (name) VALUES ('incident_error_hashes')`,
    ],
    mysql: [
      `ALTER TABLE engine_q_incidents ADD COLUMN error_hash_code INT NULL`,
      `CREATE INDEX engine_q_incidents_error_hash ON engine_q_incidents (error_hash_code)`,
      `INSERT INTO engine_q_backfills (name) VALUES ('incident_error_hashes')`,
    ],
  },
];

/** Throws when the list is malformed (ids not 1..n in order); called by the storages before migrating. */
export function checkMigrations(migrations: readonly Migration[] = MIGRATIONS): void {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) {
      throw new Error(`engine migrations out of order: position ${i} has id ${m.id}, expected ${i + 1}`);
    }
  });
}

/** The migrations whose id is not in `applied`, in order. */
export function pendingMigrations(
  applied: Iterable<number>,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  checkMigrations(migrations);
  const done = new Set(applied);
  const known = new Set(migrations.map((m) => m.id));
  for (const id of done) {
    if (!known.has(id)) {
      throw new Error(
        `the database has engine migration ${id}, which this engine version does not know: it was written by a newer engine`,
      );
    }
  }
  return migrations.filter((m) => !done.has(m.id));
}
