import { addFieldFilter, booleanFilter, Where, type FilterSpec } from '../filter-sql';
import type { ResourceSpec } from '../search-executor';

/**
 * Process-instance filter fields that look at related rows: the definition (name, version tag), the element
 * instances, incidents and jobs. Each becomes `t.process_instance_key IN (…)` or its definition's counterpart.
 */

/** A field of the instance's process definition (engine_q_process_definitions `pd`). */
export function definitionFilter(field: string, column: string): FilterSpec {
  return {
    custom: (value, where) => {
      const sub = new Where();
      addFieldFilter(sub, field, { column, kind: 'string' }, value);
      where.add(
        `t.process_definition_key IN (SELECT pd.process_definition_key FROM engine_q_process_definitions pd${sub.sql()})`,
        ...sub.params,
      );
    },
  };
}

/**
 * `elementId`, `elementInstanceState`, `hasElementInstanceIncident`: instances with an element instance (a flow
 * node, not the process itself) that meets all of those given, as Camunda checks them on one element instance.
 */
export const elementInstanceGroup: NonNullable<ResourceSpec<unknown>['filterGroups']>[number] = {
  filters: {
    elementId: { column: 'e.element_id', kind: 'string' },
    elementInstanceState: { column: 'e.state', kind: 'string' },
    hasElementInstanceIncident: booleanFilter(
      'hasElementInstanceIncident',
      'e.incident_key <> -1',
      'e.incident_key = -1',
    ),
  },
  condition: (whereSql) =>
    `t.process_instance_key IN (SELECT e.process_instance_key FROM engine_q_element_instances e${whereSql} ` +
    "AND e.type <> 'PROCESS')",
};

/** Instances with an open incident whose `column` matches the filter's value. */
function openIncidentFilter(field: string, spec: { column: string; kind: 'string' | 'int' }): FilterSpec {
  return {
    custom: (value, where) => {
      const sub = new Where();
      sub.add("i.state = 'ACTIVE'");
      addFieldFilter(sub, field, spec, value);
      where.add(
        `t.process_instance_key IN (SELECT i.process_instance_key FROM engine_q_incidents i${sub.sql()})`,
        ...sub.params,
      );
    },
  };
}

/** `errorMessage`: instances with an open incident whose message matches. */
export const errorMessageFilter = openIncidentFilter('errorMessage', { column: 'i.error_message', kind: 'string' });

/** `hasRetriesLeft`: instances with a job that failed and still has retries (it will be tried again). */
export const retriesLeftFilter = booleanFilter(
  'hasRetriesLeft',
  "t.process_instance_key IN (SELECT j.process_instance_key FROM engine_q_jobs j WHERE j.state = 'FAILED' AND j.retries > 0)",
  "t.process_instance_key NOT IN (SELECT j.process_instance_key FROM engine_q_jobs j WHERE j.state = 'FAILED' AND j.retries > 0)",
);

/**
 * `batchOperationId`: this engine runs no batch operations, so no instance belongs to one; the value is the
 * empty string for every instance (a match never, `$exists: false` always).
 */
export const batchOperationFilter: FilterSpec = { column: "''", kind: 'string' };

/** `incidentErrorHashCode`: instances with an open incident whose message has that hash (projection/error-hash). */
export const incidentHashFilter = openIncidentFilter('incidentErrorHashCode', {
  column: 'i.error_hash_code',
  kind: 'int',
});
