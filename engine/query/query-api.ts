import { EngineError } from '../errors';
import type { EngineStorage } from '../storage/engine-storage';
import type { RecordRow } from '../storage/engine-storage';
import { QueryExporter } from './projection/query-exporter';
import type { ProjectionLookups } from './projection/record-projector';
import { openQueryDb, type QueryDb } from './query-db';
import { elementInstanceResource } from './search/resources/element-instance-resource';
import { incidentResource } from './search/resources/incident-resource';
import { jobResource } from './search/resources/job-resource';
import { messageSubscriptionResource } from './search/resources/message-subscription-resource';
import { processDefinitionResource } from './search/resources/process-definition-resource';
import { processInstanceResource } from './search/resources/process-instance-resource';
import { userTaskResource } from './search/resources/user-task-resource';
import { variableResource } from './search/resources/variable-resource';
import { getByKey, search, type ResourceSpec } from './search/search-executor';
import type { SearchPage } from './search/search-request';

type Item = Record<string, unknown>;

/** The resources the query API searches, by their REST v2 path segment. */
export const RESOURCES = {
  'process-instances': processInstanceResource,
  'user-tasks': userTaskResource,
  incidents: incidentResource,
  variables: variableResource,
  'element-instances': elementInstanceResource,
  'process-definitions': processDefinitionResource,
  jobs: jobResource,
  'message-subscriptions': messageSubscriptionResource,
} satisfies Record<string, ResourceSpec<Item>>;

export type ResourceName = keyof typeof RESOURCES;

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
    private readonly lookups: ProjectionLookups,
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
    return search(this.conn, RESOURCES[resource], body);
  }

  get(resource: ResourceName, key: number): Promise<Item> {
    return getByKey(this.conn, RESOURCES[resource], key);
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

  /** Counts per element of one definition, from counters the exporter keeps (no scan of the element instances). */
  async elementStatistics(processDefinitionKey: number): Promise<ElementStatistics[]> {
    await this.get('process-definitions', processDefinitionKey);
    const rows = await this.conn.all(
      'SELECT element_id, active, completed, canceled, incidents FROM engine_q_element_statistics ' +
        'WHERE process_definition_key = ? ORDER BY element_id',
      [processDefinitionKey],
    );
    return rows
      .map((r) => ({
        elementId: String(r.element_id),
        active: Number(r.active),
        completed: Number(r.completed),
        canceled: Number(r.canceled),
        incidents: Number(r.incidents),
      }))
      .filter((s) => s.active || s.completed || s.canceled || s.incidents);
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
