import { addFieldFilter, Where, type FilterSpec } from '../filter-sql';
import type { ResourceSpec, SearchPlan } from '../search-executor';
import { compact, date, key, optionalKey, text, type Row } from './render';
import { variablesFilter } from './variable-filter';

const CANDIDATES = 'engine_q_user_task_candidates';

/** candidateGroup / candidateUser in general: a task with a candidate of that kind matching the filter. */
function candidateFilter(field: string, kind: 'G' | 'U'): FilterSpec {
  return {
    custom: (value, where) => {
      const sub = new Where();
      addFieldFilter(sub, field, { column: 'c2.candidate', kind: 'string' }, value);
      where.add(
        `EXISTS (SELECT 1 FROM ${CANDIDATES} c2 WHERE c2.user_task_key = t.user_task_key AND c2.kind = '${kind}'` +
          `${sub.conditions.map((c) => ` AND ${c}`).join('')})`,
        ...sub.params,
      );
    },
  };
}

/** The one value a filter field asks for: a string, `$eq`, or an `$in` of one (a user in one group). */
const single = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1) {
    const { $eq, $in } = value as Record<string, unknown>;
    if (typeof $eq === 'string') return $eq;
    if (Array.isArray($in) && $in.length === 1 && typeof $in[0] === 'string') return $in[0];
  }
  return undefined;
};

/**
 * One candidate group or user: the candidate table drives the search, so "group G, open, by due date" reads the
 * index (kind, candidate, state, due_date, key) in order and stops at the page's end.
 */
function candidatePlan(filter: Record<string, unknown>): SearchPlan | undefined {
  const [field, kind] = single(filter.candidateGroup) !== undefined ? ['candidateGroup', 'G'] : ['candidateUser', 'U'];
  const candidate = single(filter[field]);
  if (candidate === undefined) return undefined;
  const where = new Where();
  where.add(`c.kind = '${kind}'`);
  where.add('c.candidate = ?', candidate);
  const handled = [field];
  const state = single(filter.state);
  if (state !== undefined) {
    where.add('c.state = ?', state);
    handled.push('state');
  }
  return {
    from: `${CANDIDATES} c JOIN engine_q_user_tasks t ON t.user_task_key = c.user_task_key`,
    // Candidates are written with their task in one projection batch and tasks are never deleted.
    countFrom: `${CANDIDATES} c`,
    columns: { dueDate: 'c.due_date', userTaskKey: 'c.user_task_key' },
    handled,
    where,
  };
}

/**
 * User tasks (engine_q_user_tasks): open and finished ones, with candidate groups and users in their own table. A
 * task's `name` is its BPMN element's `name`, else the element id.
 */
export const userTaskResource: ResourceSpec<Record<string, unknown>> = {
  name: 'user task',
  table: 'engine_q_user_tasks',
  keyField: 'userTaskKey',
  keyColumn: 't.user_task_key',
  filters: {
    userTaskKey: { column: 't.user_task_key', kind: 'key' },
    state: { column: 't.state', kind: 'string' },
    assignee: { column: 't.assignee', kind: 'string' },
    priority: { column: 't.priority', kind: 'int' },
    elementId: { column: 't.element_id', kind: 'string' },
    name: { column: 't.element_name', kind: 'string' },
    candidateGroup: candidateFilter('candidateGroup', 'G'),
    candidateUser: candidateFilter('candidateUser', 'U'),
    tenantId: { column: 't.tenant_id', kind: 'string' },
    processDefinitionId: { column: 't.bpmn_process_id', kind: 'string' },
    processDefinitionKey: { column: 't.process_definition_key', kind: 'key' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    elementInstanceKey: { column: 't.element_instance_key', kind: 'key' },
    creationDate: { column: 't.creation_date', kind: 'date' },
    completionDate: { column: 't.completion_date', kind: 'date' },
    followUpDate: { column: 't.follow_up_date', kind: 'date' },
    dueDate: { column: 't.due_date', kind: 'date' },
    processInstanceVariables: variablesFilter(
      'processInstanceVariables',
      't.process_instance_key',
      'process_instance_key',
      'v.scope_key = v.process_instance_key',
    ),
    localVariables: variablesFilter('localVariables', 't.element_instance_key', 'scope_key'),
  },
  sorts: {
    creationDate: 't.creation_date',
    completionDate: 't.completion_date',
    followUpDate: 't.follow_up_date',
    dueDate: 't.due_date',
    priority: 't.priority',
    name: 't.element_name',
    userTaskKey: 't.user_task_key',
  },
  plan: candidatePlan,
  toItem: (r: Row) =>
    compact({
      userTaskKey: key(r.user_task_key),
      name: text(r.element_name) ?? String(r.element_id),
      state: String(r.state),
      elementId: String(r.element_id),
      elementInstanceKey: key(r.element_instance_key),
      processInstanceKey: key(r.process_instance_key),
      processDefinitionKey: key(r.process_definition_key),
      processDefinitionId: String(r.bpmn_process_id),
      processDefinitionVersion: Number(r.version),
      tenantId: String(r.tenant_id),
      assignee: text(r.assignee),
      candidateGroups: parseList(r.candidate_groups),
      candidateUsers: parseList(r.candidate_users),
      dueDate: date(r.due_date),
      followUpDate: date(r.follow_up_date),
      priority: Number(r.priority),
      formKey: optionalKey(r.form_key),
      externalFormReference: text(r.external_form_reference),
      creationDate: date(r.creation_date),
      completionDate: date(r.completion_date),
    }),
};

function parseList(v: unknown): string[] {
  const list = JSON.parse(String(v ?? '[]')) as unknown;
  return Array.isArray(list) ? list.map(String) : [];
}
