import type { EngineStorage, RecordRow } from '../../storage/engine-storage';
import { SqliteQueryDb } from '../query-db';
import { ElementNames, elementNameOf, MAX_ELEMENT_NAME, namesFromXml } from './element-names';
import { ProjectionBatch } from './projection-batch';
import { QueryExporter } from './query-exporter';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:collaboration id="collab"><bpmn:participant id="lane" processRef="apply" /></bpmn:collaboration>
  <bpmn:process id="other" isExecutable="true" name="其他"><bpmn:startEvent id="s" name="别的" /></bpmn:process>
  <bpmn:process id="apply" isExecutable="true" name="低压居民新装">
    <bpmn:startEvent id="start" name="受理申请" />
    <bpmn:subProcess id="sub" name="勘查">
      <bpmn:userTask id="survey" name="现场勘查" />
    </bpmn:subProcess>
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const storage = (records: RecordRow[] = []): EngineStorage =>
  ({
    readRecords: async (after: number, limit: number) => records.filter((r) => r.position > after).slice(0, limit),
  }) as unknown as EngineStorage;

const definitionRow = (key: number, xml: string | null) => ({
  process_definition_key: key,
  bpmn_process_id: 'apply',
  name: null,
  version: 1,
  version_tag: null,
  resource_name: 'apply.bpmn',
  tenant_id: '<default>',
  deployed_at: 0,
  xml,
});

async function withDefinitions(db: SqliteQueryDb, rows: Array<ReturnType<typeof definitionRow>>): Promise<void> {
  const batch = new ProjectionBatch('sqlite');
  for (const row of rows) batch.upsert('definitions', row.process_definition_key, row);
  await db.transaction(batch.statements());
}

describe('element names from BPMN XML', () => {
  it('reads the named elements of one process, nested ones and the process itself included', async () => {
    const names = await namesFromXml(XML, 'apply');
    expect(Object.fromEntries(names!)).toEqual({
      apply: '低压居民新装',
      start: '受理申请',
      sub: '勘查',
      survey: '现场勘查',
    });
    expect(await namesFromXml(XML, 'missing')).toBeUndefined();
    expect(await namesFromXml('<not-bpmn', 'apply')).toBeUndefined();
  });

  it('answers the id for an element without a name, and cuts very long names', () => {
    const names = new Map([
      ['a', '甲'],
      ['long', 'x'.repeat(MAX_ELEMENT_NAME + 5)],
    ]);
    expect(elementNameOf(names, 'a')).toBe('甲');
    expect(elementNameOf(names, 'end')).toBe('end');
    expect(elementNameOf(undefined, 'end')).toBe('end');
    expect(elementNameOf(names, 'long')).toHaveLength(MAX_ELEMENT_NAME);
  });
});

describe('ElementNames', () => {
  it("prefers the engine's model, falls back to the stored XML, and skips what it cannot find", async () => {
    const db = SqliteQueryDb.open(':memory:');
    try {
      await withDefinitions(db, [definitionRow(2, XML), definitionRow(3, null)]);
      const fromEngine = new Map([['start', '来自引擎']]);
      const names = new ElementNames(db, {
        processXml: () => undefined,
        elementNames: (key) => (key === 1 ? fromEngine : undefined),
      });
      const loaded = await names.load([1, 2, 3, 4]);
      expect(loaded.get(1)).toBe(fromEngine);
      expect(loaded.get(2)?.get('survey')).toBe('现场勘查');
      expect([...loaded.keys()].sort()).toEqual([1, 2]);
    } finally {
      await db.close();
    }
  });
});

describe('QueryExporter and element names', () => {
  const record = (position: number, key: number, valueType: string, intent: string, value: object): RecordRow => ({
    position,
    key,
    valueType,
    intent,
    recordType: 'EVENT',
    processInstanceKey: 100,
    timestamp: 1000 + position,
    value: JSON.stringify(value),
  });
  const instance = { processInstanceKey: 100, processDefinitionKey: 2, bpmnProcessId: 'apply', tenantId: '<default>' };

  it('projects names into element instances and user tasks, and backfills rows exported without them', async () => {
    const db = SqliteQueryDb.open(':memory:');
    try {
      await withDefinitions(db, [definitionRow(2, XML)]);
      // A row as an exporter before migration 4 left it: no name.
      const old = new ProjectionBatch('sqlite');
      old.upsert('elements', 50, {
        element_instance_key: 50,
        process_instance_key: 99,
        process_definition_key: 2,
        bpmn_process_id: 'apply',
        element_id: 'start',
        type: 'START_EVENT',
        state: 'COMPLETED',
        flow_scope_key: 99,
        start_date: 0,
        end_date: 1,
        incident_key: -1,
        tenant_id: '<default>',
      });
      await db.transaction(old.statements());
      const records = [
        record(1, 101, 'PROCESS_INSTANCE', 'ELEMENT_ACTIVATING', {
          ...instance,
          elementId: 'survey',
          bpmnElementType: 'USER_TASK',
          flowScopeKey: 100,
        }),
        record(2, 102, 'PROCESS_INSTANCE', 'ELEMENT_ACTIVATING', {
          ...instance,
          elementId: 'end',
          bpmnElementType: 'END_EVENT',
          flowScopeKey: 100,
        }),
        record(3, 103, 'USER_TASK', 'CREATED', {
          ...instance,
          elementId: 'survey',
          elementInstanceKey: 101,
          processDefinitionVersion: 1,
          candidateGroups: [],
          candidateUsers: [],
        }),
      ];
      const exporter = new QueryExporter(db, storage(records), { processXml: () => undefined });
      await exporter.start();
      await exporter.idle();
      await exporter.stop();
      const elements = await db.all(
        'SELECT element_instance_key, element_name FROM engine_q_element_instances ORDER BY element_instance_key',
        [],
      );
      expect(elements.map((r) => [r.element_instance_key, r.element_name])).toEqual([
        [50, '受理申请'],
        [101, '现场勘查'],
        [102, 'end'],
      ]);
      const tasks = await db.all('SELECT element_name FROM engine_q_user_tasks', []);
      expect(tasks.map((r) => r.element_name)).toEqual(['现场勘查']);
      expect(await db.all('SELECT name FROM engine_q_backfills', [])).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
