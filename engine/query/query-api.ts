import { EngineError } from '../errors';
import type { EngineStorage } from '../storage/engine-storage';
import type { RecordRow } from '../storage/engine-storage';
import { QueryExporter } from './projection/query-exporter';
import { treePathKeys, treePathOf } from './projection/projection-tables';
import type { ProjectionLookups } from './projection/projection-lookups';
import { openQueryDb, type QueryDb } from './query-db';
import { decisionDefinitionResource } from './search/resources/decision-definition-resource';
import { decisionInstanceDetail, decisionInstanceResource } from './search/resources/decision-instance-resource';
import { decisionRequirementsResource } from './search/resources/decision-requirements-resource';
import { elementInstanceResource } from './search/resources/element-instance-resource';
import { incidentResource } from './search/resources/incident-resource';
import { jobResource } from './search/resources/job-resource';
import { messageSubscriptionResource } from './search/resources/message-subscription-resource';
import { processDefinitionResource } from './search/resources/process-definition-resource';
import { BASE_PROCESS_INSTANCE_FIELDS, processInstanceResource } from './search/resources/process-instance-resource';
import { userTaskResource } from './search/resources/user-task-resource';
import { variableResource } from './search/resources/variable-resource';
import { Where } from './search/filter-sql';
import { addFilter, getByKey, search, type ResourceSpec } from './search/search-executor';
import type { SearchPage } from './search/search-request';

type Item = Record<string, unknown>;

/** The resources the query API searches, by their REST v2 path segment (process definitions apart, see below). */
export const RESOURCES = {
  'process-instances': processInstanceResource,
  'user-tasks': userTaskResource,
  incidents: incidentResource,
  variables: variableResource,
  'element-instances': elementInstanceResource,
  jobs: jobResource,
  'message-subscriptions': messageSubscriptionResource,
  'decision-definitions': decisionDefinitionResource,
  'decision-requirements': decisionRequirementsResource,
  'decision-instances': decisionInstanceResource,
} satisfies Record<string, ResourceSpec<Item>>;

export type ResourceName = keyof typeof RESOURCES | 'process-definitions';

/** What the query side reads from the engine's deployed models besides what the projections need. */
export interface QueryLookups extends ProjectionLookups {
  /** The keys of the definitions whose none start event links a form (`hasStartForm`). */
  startFormDefinitions?(): ReadonlySet<number>;
}

export interface ElementStatistics {
  elementId: string;
  active: number;
  completed: number;
  canceled: number;
  incidents: number;
}

/**
 * The query side (docs/decisions/0007): searches and gets over the projections the exporter keeps. Eventually
 * consistent: a search sees a committed change a few ms after its commit.
 */
export class QueryApi {
  private exporter: QueryExporter | undefined;
  private db: QueryDb | undefined;

  constructor(
    private readonly storage: EngineStorage,
    private readonly lookups: QueryLookups,
  ) {}

  /** After the storage is open: connects and starts exporting (catching up with the log in the background). */
  async start(): Promise<void> {
    this.db = openQueryDb(this.storage);
    this.exporter = new QueryExporter(this.db, this.storage, this.lookups);
    await this.exporter.start();
  }

  async stop(): Promise<void> {
    await this.exporter?.stop();
    await this.db?.close();
    this.db = undefined;
  }

  /** The stream processor's hook: each committed batch's records. */
  committed(records: RecordRow[]): void {
    this.exporter?.enqueue(records);
  }

  /** Resolves when what is committed so far is in the projections. */
  async caughtUp(): Promise<void> {
    await this.exporter?.idle();
  }

  search(resource: ResourceName, body: unknown): Promise<SearchPage<Item>> {
    return search(this.conn, this.spec(resource), body);
  }

  get(resource: ResourceName, key: number): Promise<Item> {
    return getByKey(this.conn, this.spec(resource), key);
  }

  /** A resource's search; that of process definitions takes which have a start form from the deployed models. */
  private spec(resource: ResourceName): ResourceSpec<Item> {
    if (resource !== 'process-definitions') return RESOURCES[resource];
    return processDefinitionResource(this.lookups.startFormDefinitions?.() ?? new Set());
  }

  async processDefinitionXml(key: number): Promise<string> {
    const rows = await this.conn.all('SELECT xml FROM engine_q_process_definitions WHERE process_definition_key = ?', [
      key,
    ]);
    if (!rows.length || rows[0].xml === null) {
      throw new EngineError('NOT_FOUND', `Expected to find process definition with key '${key}', but none was found`);
    }
    return String(rows[0].xml);
  }

  /** The DMN XML a decision definition was deployed from (that of its decision requirements). */
  async decisionDefinitionXml(key: number): Promise<string> {
    const rows = await this.conn.all(
      'SELECT r.xml FROM engine_q_decision_definitions d JOIN engine_q_decision_requirements r ' +
        'ON r.decision_requirements_key = d.decision_requirements_key WHERE d.decision_definition_key = ?',
      [key],
    );
    if (!rows.length || rows[0].xml === null) {
      throw new EngineError('NOT_FOUND', `Expected to find decision definition with key '${key}', but none was found`);
    }
    return String(rows[0].xml);
  }

  async decisionRequirementsXml(key: number): Promise<string> {
    const rows = await this.conn.all(
      'SELECT xml FROM engine_q_decision_requirements WHERE decision_requirements_key = ?',
      [key],
    );
    if (!rows.length || rows[0].xml === null) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find decision requirements with key '${key}', but none was found`,
      );
    }
    return String(rows[0].xml);
  }

  /** One decision instance by its `<decisionEvaluationKey>-<n>` key, with evaluated inputs and matched rules. */
  async decisionInstance(id: string): Promise<Item> {
    const rows = await this.conn.all('SELECT * FROM engine_q_decision_instances WHERE decision_instance_id = ?', [id]);
    if (!rows.length) {
      throw new EngineError('NOT_FOUND', `Expected to find decision instance with key '${id}', but none was found`);
    }
    return decisionInstanceDetail(rows[0]);
  }

  /** The instances from the root down to this one (which is last), each with its definition's key and name. */
  async callHierarchy(processInstanceKey: number): Promise<Item[]> {
    const keys = treePathKeys(await this.treePath(processInstanceKey));
    const rows = await this.conn.all(
      'SELECT t.process_instance_key, t.process_definition_key, t.bpmn_process_id, d.name ' +
        'FROM engine_q_process_instances t LEFT JOIN engine_q_process_definitions d ' +
        'ON d.process_definition_key = t.process_definition_key ' +
        `WHERE t.process_instance_key IN (${keys.map(() => '?').join(', ')})`,
      keys,
    );
    const byKey = new Map(rows.map((r) => [Number(r.process_instance_key), r]));
    return keys
      .map((k) => byKey.get(k))
      .filter((r) => r !== undefined)
      .map((r) => ({
        processInstanceKey: String(r.process_instance_key),
        processDefinitionKey: String(r.process_definition_key),
        processDefinitionName: String(r.name ?? r.bpmn_process_id),
      }));
  }

  /** Incidents of an instance and of the instances it called (directly or further down). */
  async instanceIncidents(processInstanceKey: number, body: unknown): Promise<SearchPage<Item>> {
    const path = await this.treePath(processInstanceKey);
    return search(
      this.conn,
      withScope(incidentResource, (where) =>
        where.add(
          't.process_instance_key IN (SELECT s.process_instance_key FROM engine_q_process_instances s WHERE s.tree_path LIKE ?)',
          `${path}%`,
        ),
      ),
      body,
    );
  }

  /** Counts per element of one instance (not of the instances it called), from its element instances. */
  async instanceElementStatistics(processInstanceKey: number): Promise<ElementStatistics[]> {
    await this.get('process-instances', processInstanceKey);
    return this.countElementInstances('e.process_instance_key = ?', [processInstanceKey]);
  }

  /** Variables visible to a user task: those of its element instance and of the scopes around it, up to the process. */
  async userTaskVariables(userTaskKey: number, body: unknown): Promise<SearchPage<Item>> {
    const tasks = await this.conn.all('SELECT element_instance_key FROM engine_q_user_tasks WHERE user_task_key = ?', [
      userTaskKey,
    ]);
    if (!tasks.length) {
      throw new EngineError('NOT_FOUND', `Expected to find user task with key '${userTaskKey}', but none was found`);
    }
    const scopes: number[] = [];
    let scope = Number(tasks[0].element_instance_key);
    while (scope > 0 && !scopes.includes(scope) && scopes.length < 1000) {
      scopes.push(scope);
      const rows = await this.conn.all(
        'SELECT flow_scope_key FROM engine_q_element_instances WHERE element_instance_key = ?',
        [scope],
      );
      scope = rows.length ? Number(rows[0].flow_scope_key) : -1;
    }
    return search(
      this.conn,
      withScope(variableResource, (where) =>
        where.add(`t.scope_key IN (${scopes.map(() => '?').join(', ')})`, ...scopes),
      ),
      body,
    );
  }

  private async treePath(processInstanceKey: number): Promise<string> {
    const rows = await this.conn.all(
      'SELECT tree_path FROM engine_q_process_instances WHERE process_instance_key = ?',
      [processInstanceKey],
    );
    if (!rows.length) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process instance with key '${processInstanceKey}', but none was found`,
      );
    }
    return String(rows[0].tree_path) || treePathOf(undefined, processInstanceKey);
  }

  /**
   * Counts per element of one definition. Without a filter, from counters the exporter keeps (no scan); with one
   * (Camunda's ProcessDefinitionStatisticsFilter: process-instance fields and `$or`), from the element instances
   * of the definition's instances that match it.
   */
  async elementStatistics(
    processDefinitionKey: number,
    filter: Record<string, unknown> = {},
  ): Promise<ElementStatistics[]> {
    await this.get('process-definitions', processDefinitionKey);
    if (!Object.keys(filter).length) {
      const rows = await this.conn.all(
        'SELECT element_id, active, completed, canceled, incidents FROM engine_q_element_statistics ' +
          'WHERE process_definition_key = ? ORDER BY element_id',
        [processDefinitionKey],
      );
      return rows.map(toElementStatistics).filter((s) => s.active || s.completed || s.canceled || s.incidents);
    }
    const instances = new Where();
    instances.add('t.process_definition_key = ?', processDefinitionKey);
    addFilter(instances, DEFINITION_STATISTICS_FILTER, filter);
    return this.countElementInstances(
      'e.process_definition_key = ? AND e.process_instance_key IN ' +
        `(SELECT t.process_instance_key FROM engine_q_process_instances t${instances.sql()})`,
      [processDefinitionKey, ...instances.params],
    );
  }

  /** Counts per element of the element instances (flow nodes) that meet the condition (on `e`). */
  private async countElementInstances(condition: string, params: unknown[]): Promise<ElementStatistics[]> {
    const rows = await this.conn.all(
      "SELECT e.element_id, SUM(CASE WHEN e.state = 'ACTIVE' THEN 1 ELSE 0 END) AS active, " +
        "SUM(CASE WHEN e.state = 'COMPLETED' THEN 1 ELSE 0 END) AS completed, " +
        "SUM(CASE WHEN e.state = 'TERMINATED' THEN 1 ELSE 0 END) AS canceled, " +
        "SUM(CASE WHEN e.state = 'ACTIVE' AND e.incident_key <> -1 THEN 1 ELSE 0 END) AS incidents " +
        `FROM engine_q_element_instances e WHERE e.type <> 'PROCESS' AND ${condition} ` +
        'GROUP BY e.element_id ORDER BY e.element_id',
      params,
    );
    return rows.map(toElementStatistics);
  }

  /** The sequence flows an instance has taken, in the order taken. */
  async sequenceFlows(processInstanceKey: number): Promise<Item[]> {
    const rows = await this.conn.all(
      'SELECT f.*, i.bpmn_process_id FROM engine_q_sequence_flows f ' +
        'LEFT JOIN engine_q_process_instances i ON i.process_instance_key = f.process_instance_key ' +
        'WHERE f.process_instance_key = ? ORDER BY f.sequence_flow_key',
      [processInstanceKey],
    );
    return rows.map((r) => ({
      sequenceFlowId: String(r.element_id),
      elementId: String(r.element_id),
      processInstanceKey: String(r.process_instance_key),
      processDefinitionKey: String(r.process_definition_key),
      processDefinitionId: String(r.bpmn_process_id ?? ''),
      tenantId: String(r.tenant_id),
    }));
  }

  private get conn(): QueryDb {
    if (!this.db) throw new EngineError('UNIMPLEMENTED', 'The query API is not started');
    return this.db;
  }
}

/** Camunda's ProcessDefinitionStatisticsFilter: the base process-instance fields, `$or` of them too. */
const DEFINITION_STATISTICS_FILTER = {
  name: 'process definition statistics',
  filters: Object.fromEntries(
    Object.entries(processInstanceResource.filters).filter(([field]) =>
      (BASE_PROCESS_INSTANCE_FIELDS as readonly string[]).includes(field),
    ),
  ),
  filterGroups: processInstanceResource.filterGroups,
  orFields: BASE_PROCESS_INSTANCE_FIELDS,
};

const toElementStatistics = (r: Record<string, unknown>): ElementStatistics => ({
  elementId: String(r.element_id),
  active: Number(r.active),
  completed: Number(r.completed),
  canceled: Number(r.canceled),
  incidents: Number(r.incidents),
});

/** A resource's search narrowed by a condition of the caller's (e.g. one instance's call tree). */
function withScope(spec: ResourceSpec<Item>, scope: (where: Where) => void): ResourceSpec<Item> {
  return {
    ...spec,
    plan: () => {
      const where = new Where();
      scope(where);
      return { from: `${spec.table} t`, where };
    },
  };
}
