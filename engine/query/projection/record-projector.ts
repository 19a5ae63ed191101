import type { RecordRow } from '../../storage/engine-storage';
import { elementNameOf } from './element-names';
import type { ProjectionBatch } from './projection-batch';
import type { ProjectionLookups } from './projection-lookups';
import { NOT_SET_DATE, NOT_SET_KEY, treePathKeys, treePathOf, valuePrefix } from './projection-tables';
import { errorHashCode } from './error-hash';

type Value = Record<string, unknown>;

/** What projecting a round needs besides its records; the exporter reads it first. */
export interface RoundNeeds {
  /**
   * The process instances whose call tree paths the round needs (parents of called instances, the instances of
   * incidents); the exporter reads those the round does not create.
   */
  treePaths: number[];
  /** The process definitions whose element names the round needs (element instances and user tasks). */
  elementNames: number[];
}

/** A committed record with its value parsed, when the projections show its value type. */
export interface ParsedRecord {
  row: RecordRow;
  value: Value | undefined;
}

/** Parses each record of a round once: the round's needs and its projection both read the values. */
export function parseRound(records: RecordRow[]): ParsedRecord[] {
  return records.map((row) => ({
    row,
    value: PROJECTORS[row.valueType] ? (JSON.parse(row.value) as Value) : undefined,
  }));
}

export function roundNeeds(records: ParsedRecord[]): RoundNeeds {
  const paths = new Set<number>();
  const definitions = new Set<number>();
  for (const { row: r, value: v } of records) {
    const activating = r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_ACTIVATING';
    const userTask = r.valueType === 'USER_TASK' && USER_TASK_STATES[r.intent] !== undefined;
    if (!v || (!activating && !userTask && r.valueType !== 'INCIDENT')) continue;
    if (r.valueType === 'INCIDENT') paths.add(num(v.processInstanceKey));
    else definitions.add(num(v.processDefinitionKey));
    if (activating && v.bpmnElementType === 'PROCESS' && num(v.parentProcessInstanceKey) > 0)
      paths.add(num(v.parentProcessInstanceKey));
  }
  paths.delete(NOT_SET_KEY);
  definitions.delete(NOT_SET_KEY);
  return { treePaths: [...paths], elementNames: [...definitions] };
}

type Projector = (batch: ProjectionBatch, record: RecordRow, value: Value, lookups: ProjectionLookups) => void;

/**
 * Turns one committed record into projection changes. Records come in log order, so a row is always created before
 * it changes. Value types the query API does not show (messages, signals, timers, ...) are skipped.
 */
export function projectRecord(batch: ProjectionBatch, record: ParsedRecord, lookups: ProjectionLookups): void {
  const projector = PROJECTORS[record.row.valueType];
  if (projector && record.value) projector(batch, record.row, record.value, lookups);
  batch.position = record.row.position;
}

const num = (v: unknown, fallback = NOT_SET_KEY): number => (typeof v === 'number' ? v : fallback);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** An ISO date-time as epoch ms; blank or unparsable: not set. */
export function dateMs(iso: unknown): number {
  if (typeof iso !== 'string' || !iso) return NOT_SET_DATE;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? NOT_SET_DATE : ms;
}

const processInstance: Projector = (batch, record, v) => {
  const key = record.key;
  const type = str(v.bpmnElementType);
  const definitionKey = num(v.processDefinitionKey);
  const elementId = str(v.elementId);
  const isProcess = type === 'PROCESS';
  switch (record.intent) {
    case 'ELEMENT_ACTIVATING': {
      batch.upsert('elements', key, {
        element_instance_key: key,
        process_instance_key: num(v.processInstanceKey),
        process_definition_key: definitionKey,
        bpmn_process_id: str(v.bpmnProcessId),
        element_id: elementId,
        element_name: elementNameOf(batch.elementNames.get(definitionKey), elementId),
        type,
        state: 'ACTIVE',
        flow_scope_key: num(v.flowScopeKey),
        start_date: record.timestamp,
        end_date: NOT_SET_DATE,
        incident_key: NOT_SET_KEY,
        tenant_id: str(v.tenantId),
      });
      if (isProcess) {
        const parentKey = num(v.parentProcessInstanceKey);
        const treePath = treePathOf(parentKey > 0 ? batch.treePaths.get(parentKey) : undefined, key);
        batch.treePaths.set(key, treePath);
        batch.upsert('instances', key, {
          process_instance_key: key,
          bpmn_process_id: str(v.bpmnProcessId),
          process_definition_key: definitionKey,
          version: num(v.version, 0),
          state: 'ACTIVE',
          start_date: record.timestamp,
          end_date: NOT_SET_DATE,
          parent_process_instance_key: num(v.parentProcessInstanceKey),
          parent_element_instance_key: num(v.parentElementInstanceKey),
          incident_count: 0,
          tenant_id: str(v.tenantId),
          tree_path: treePath,
        });
      } else batch.count(definitionKey, elementId, { active: 1 });
      return;
    }
    case 'ELEMENT_COMPLETED':
    case 'ELEMENT_TERMINATED': {
      const completed = record.intent === 'ELEMENT_COMPLETED';
      const changes = { state: completed ? 'COMPLETED' : 'TERMINATED', end_date: record.timestamp };
      batch.update('elements', key, changes);
      if (isProcess) batch.update('instances', key, changes);
      else
        batch.count(definitionKey, elementId, completed ? { active: -1, completed: 1 } : { active: -1, canceled: 1 });
      return;
    }
    case 'ELEMENT_MIGRATED': {
      batch.update('elements', key, {
        process_definition_key: definitionKey,
        bpmn_process_id: str(v.bpmnProcessId),
        element_id: elementId,
        element_name: elementNameOf(batch.elementNames.get(definitionKey), elementId),
      });
      if (isProcess) {
        batch.update('instances', key, {
          process_definition_key: definitionKey,
          bpmn_process_id: str(v.bpmnProcessId),
          version: num(v.version, 0),
        });
      } else {
        batch.count(num(v.sourceProcessDefinitionKey), str(v.sourceElementId), { active: -1 });
        batch.count(definitionKey, elementId, { active: 1 });
      }
      return;
    }
    case 'SEQUENCE_FLOW_TAKEN':
      batch.upsert('flows', key, {
        sequence_flow_key: key,
        process_instance_key: num(v.processInstanceKey),
        process_definition_key: definitionKey,
        element_id: elementId,
        tenant_id: str(v.tenantId),
      });
  }
};

const variable: Projector = (batch, record, v) => {
  const value = str(v.value);
  batch.upsert('variables', record.key, {
    variable_key: record.key,
    name: str(v.name),
    value,
    value_prefix: valuePrefix(value),
    scope_key: num(v.scopeKey),
    process_instance_key: num(v.processInstanceKey),
    process_definition_key: num(v.processDefinitionKey),
    bpmn_process_id: str(v.bpmnProcessId),
    tenant_id: str(v.tenantId),
  });
};

const incident: Projector = (batch, record, v) => {
  if (record.intent === 'MIGRATED') {
    batch.update('incidents', record.key, {
      process_definition_key: num(v.processDefinitionKey),
      bpmn_process_id: str(v.bpmnProcessId),
      element_id: str(v.elementId),
    });
    batch.count(num(v.sourceProcessDefinitionKey), str(v.sourceElementId), { incidents: -1 });
    batch.count(num(v.processDefinitionKey), str(v.elementId), { incidents: 1 });
    return;
  }
  const created = record.intent === 'CREATED';
  if (!created && record.intent !== 'RESOLVED') return;
  const instanceKey = num(v.processInstanceKey);
  const elementInstanceKey = num(v.elementInstanceKey);
  batch.upsert('incidents', record.key, {
    incident_key: record.key,
    process_instance_key: instanceKey,
    process_definition_key: num(v.processDefinitionKey),
    bpmn_process_id: str(v.bpmnProcessId),
    element_id: str(v.elementId),
    element_instance_key: elementInstanceKey,
    job_key: num(v.jobKey) > 0 ? num(v.jobKey) : NOT_SET_KEY,
    error_type: str(v.errorType),
    error_message: str(v.errorMessage),
    error_hash_code: errorHashCode(str(v.errorMessage)),
    state: created ? 'ACTIVE' : 'RESOLVED',
    creation_time: num(v.createdAt, record.timestamp),
    tenant_id: str(v.tenantId),
  });
  // The instance and the ones that called it, up to the root, count the incident (an incident is visible from
  // the root, as in Camunda).
  for (const k of treePathKeys(batch.treePaths.get(instanceKey) ?? treePathOf(undefined, instanceKey))) {
    batch.increment('instances', k, 'incident_count', created ? 1 : -1);
  }
  batch.update('elements', elementInstanceKey, { incident_key: created ? record.key : NOT_SET_KEY });
  batch.count(num(v.processDefinitionKey), str(v.elementId), { incidents: created ? 1 : -1 });
};

const USER_TASK_STATES: Record<string, string> = {
  CREATED: 'CREATED',
  ASSIGNED: 'CREATED',
  UPDATED: 'CREATED',
  MIGRATED: 'CREATED',
  COMPLETED: 'COMPLETED',
  CANCELED: 'CANCELED',
};

const userTask: Projector = (batch, record, v) => {
  const state = USER_TASK_STATES[record.intent];
  if (!state) return;
  const groups = Array.isArray(v.candidateGroups) ? (v.candidateGroups as string[]) : [];
  const users = Array.isArray(v.candidateUsers) ? (v.candidateUsers as string[]) : [];
  const dueDate = dateMs(v.dueDate);
  const definitionKey = num(v.processDefinitionKey);
  batch.upsert('userTasks', record.key, {
    user_task_key: record.key,
    state,
    element_id: str(v.elementId),
    element_name: elementNameOf(batch.elementNames.get(definitionKey), str(v.elementId)),
    element_instance_key: num(v.elementInstanceKey),
    process_instance_key: num(v.processInstanceKey),
    process_definition_key: definitionKey,
    bpmn_process_id: str(v.bpmnProcessId),
    version: num(v.processDefinitionVersion, 0),
    tenant_id: str(v.tenantId),
    assignee: str(v.assignee) || null,
    candidate_groups: JSON.stringify(groups),
    candidate_users: JSON.stringify(users),
    due_date: dueDate,
    follow_up_date: dateMs(v.followUpDate),
    priority: num(v.priority, 50),
    form_key: num(v.formKey),
    external_form_reference: str(v.externalFormReference) || null,
    creation_date: num(v.creationDate, record.timestamp),
    completion_date: state === 'CREATED' ? NOT_SET_DATE : record.timestamp,
  });
  batch.setCandidates(record.key, state, dueDate, [
    ...groups.map((candidate) => ({ kind: 'G' as const, candidate })),
    ...users.map((candidate) => ({ kind: 'U' as const, candidate })),
  ]);
};

const JOB_STATES = new Set([
  'CREATED',
  'COMPLETED',
  'FAILED',
  'ERROR_THROWN',
  'CANCELED',
  'TIMED_OUT',
  'RETRIES_UPDATED',
  'MIGRATED',
]);
const JOB_ENDS = new Set(['COMPLETED', 'CANCELED', 'ERROR_THROWN']);

const job: Projector = (batch, record, v) => {
  const state = JOB_STATES.has(record.intent) ? record.intent : 'CREATED';
  batch.upsert('jobs', record.key, {
    job_key: record.key,
    type: str(v.type),
    worker: str(v.worker),
    state,
    retries: num(v.retries, 0),
    process_instance_key: num(v.processInstanceKey),
    process_definition_key: num(v.processDefinitionKey),
    bpmn_process_id: str(v.bpmnProcessId),
    element_id: str(v.elementId),
    element_instance_key: num(v.elementInstanceKey),
    error_message: str(v.errorMessage) || null,
    error_code: str(v.errorCode) || null,
    deadline: num(v.deadline, 0) > 0 ? num(v.deadline) : NOT_SET_DATE,
    end_time: JOB_ENDS.has(record.intent) ? record.timestamp : NOT_SET_DATE,
    custom_headers: JSON.stringify(v.customHeaders ?? {}),
    tenant_id: str(v.tenantId),
    kind: str(v.kind) || 'BPMN_ELEMENT',
    listener_event_type: str(v.listenerEventType) || 'UNSPECIFIED',
  });
};

const process: Projector = (batch, record, v, lookups) => {
  if (record.intent === 'DELETED') return batch.delete('definitions', record.key);
  if (record.intent !== 'CREATED') return;
  const xml = lookups.processXml(record.key) ?? null;
  batch.upsert('definitions', record.key, {
    process_definition_key: record.key,
    bpmn_process_id: str(v.bpmnProcessId),
    name: xml ? processName(xml, str(v.bpmnProcessId)) : null,
    version: num(v.version, 0),
    version_tag: str(v.versionTag) || null,
    resource_name: str(v.resourceName),
    tenant_id: str(v.tenantId),
    deployed_at: num(v.deployedAt, record.timestamp),
    xml,
  });
};

const messageSubscription: Projector = (batch, record, v) => {
  if (record.intent === 'CREATED') {
    return batch.upsert('messageSubscriptions', record.key, {
      message_subscription_key: record.key,
      process_instance_key: num(v.processInstanceKey),
      process_definition_key: num(v.processDefinitionKey),
      bpmn_process_id: str(v.bpmnProcessId),
      element_id: str(v.catchElementId),
      element_instance_key: num(v.elementInstanceKey),
      state: 'CREATED',
      message_name: str(v.name),
      correlation_key: str(v.correlationKey),
      last_updated: record.timestamp,
      tenant_id: str(v.tenantId),
    });
  }
  if (record.intent === 'CORRELATED' || record.intent === 'DELETED') {
    batch.update('messageSubscriptions', record.key, { state: record.intent, last_updated: record.timestamp });
  }
  if (record.intent === 'MIGRATED') {
    batch.update('messageSubscriptions', record.key, {
      process_definition_key: num(v.processDefinitionKey),
      bpmn_process_id: str(v.bpmnProcessId),
      element_id: str(v.catchElementId),
      last_updated: record.timestamp,
    });
  }
};

const decisionRequirements: Projector = (batch, record, v, lookups) => {
  if (record.intent === 'DELETED') return batch.delete('decisionRequirements', record.key);
  if (record.intent !== 'CREATED') return;
  batch.upsert('decisionRequirements', record.key, {
    decision_requirements_key: record.key,
    decision_requirements_id: str(v.decisionRequirementsId),
    name: str(v.name),
    version: num(v.version, 0),
    resource_name: str(v.resourceName),
    tenant_id: str(v.tenantId),
    xml: lookups.decisionRequirementsXml?.(record.key) ?? null,
  });
};

const decision: Projector = (batch, record, v) => {
  if (record.intent === 'DELETED') return batch.delete('decisions', record.key);
  if (record.intent !== 'CREATED') return;
  batch.upsert('decisions', record.key, {
    decision_definition_key: record.key,
    decision_id: str(v.decisionId),
    name: str(v.name),
    version: num(v.version, 0),
    decision_requirements_id: str(v.decisionRequirementsId),
    decision_requirements_key: num(v.decisionRequirementsKey),
    tenant_id: str(v.tenantId),
  });
};

type EvaluatedDecision = {
  decisionKey?: number;
  decisionId?: string;
  decisionName?: string;
  decisionVersion?: number;
  decisionType?: string;
  decisionOutput?: unknown;
  evaluatedInputs?: Array<{ inputId: string; inputName: string; inputValue: unknown }>;
  matchedRules?: Array<{
    ruleId: string;
    ruleIndex: number;
    evaluatedOutputs: Array<{ outputId: string; outputName: string; outputValue: unknown }>;
  }>;
};

const json = (value: unknown): string => JSON.stringify(value === undefined ? null : value);

/**
 * A decision evaluation is one decision instance per decision evaluated (the required ones first, as Camunda keeps
 * them), keyed `<evaluation key>-<n>`; a failed evaluation's failing decision is a FAILED instance.
 */
const decisionEvaluation: Projector = (batch, record, v) => {
  if (record.intent !== 'EVALUATED' && record.intent !== 'FAILED') return;
  const failed = record.intent === 'FAILED';
  const evaluated = Array.isArray(v.evaluatedDecisions) ? [...(v.evaluatedDecisions as EvaluatedDecision[])] : [];
  const failedId = str(v.failedDecisionId);
  if (failed && !evaluated.some((d) => d.decisionId === failedId)) {
    const own = failedId === str(v.decisionId) || !failedId;
    evaluated.push({
      decisionId: failedId || str(v.decisionId),
      decisionKey: own ? num(v.decisionKey) : NOT_SET_KEY,
      decisionName: own ? str(v.decisionName) : failedId,
      decisionVersion: own ? num(v.decisionVersion, 0) : 0,
    });
  }
  evaluated.forEach((d, i) => {
    const isFailed = failed && d.decisionId === (failedId || str(v.decisionId));
    const id = `${record.key}-${i + 1}`;
    batch.upsert('decisionInstances', `${String(record.key).padStart(20, '0')}-${String(i + 1).padStart(5, '0')}`, {
      instance_id: `${String(record.key).padStart(20, '0')}-${String(i + 1).padStart(5, '0')}`,
      decision_instance_id: id,
      decision_evaluation_key: record.key,
      state: isFailed ? 'FAILED' : 'EVALUATED',
      evaluation_date: record.timestamp,
      evaluation_failure: isFailed ? str(v.failureMessage) : '',
      decision_id: str(d.decisionId),
      decision_key: num(d.decisionKey),
      decision_name: str(d.decisionName),
      decision_version: num(d.decisionVersion, 0),
      decision_type: str(d.decisionType) || 'UNSPECIFIED',
      result: isFailed ? 'null' : json(d.decisionOutput),
      evaluated_inputs: JSON.stringify(
        (d.evaluatedInputs ?? []).map((input) => ({ ...input, inputValue: json(input.inputValue) })),
      ),
      matched_rules: JSON.stringify(
        (d.matchedRules ?? []).map((rule) => ({
          ...rule,
          evaluatedOutputs: rule.evaluatedOutputs.map((o) => ({ ...o, outputValue: json(o.outputValue) })),
        })),
      ),
      process_definition_key: num(v.processDefinitionKey),
      process_instance_key: num(v.processInstanceKey),
      element_instance_key: num(v.elementInstanceKey),
      tenant_id: str(v.tenantId),
    });
  });
};

const PROJECTORS: Record<string, Projector> = {
  DECISION_REQUIREMENTS: decisionRequirements,
  DECISION: decision,
  DECISION_EVALUATION: decisionEvaluation,
  PROCESS_INSTANCE: processInstance,
  VARIABLE: variable,
  INCIDENT: incident,
  USER_TASK: userTask,
  JOB: job,
  PROCESS: process,
  PROCESS_MESSAGE_SUBSCRIPTION: messageSubscription,
};

/** The `name` attribute of the process element with this id, if the XML has one. */
function processName(xml: string, bpmnProcessId: string): string | null {
  const escaped = bpmnProcessId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp(`<(?:\\w+:)?process\\b[^>]*\\bid="${escaped}"[^>]*>`).exec(xml)?.[0];
  return tag ? (/\bname="([^"]*)"/.exec(tag)?.[1] ?? null) : null;
}
