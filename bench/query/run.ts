/**
 * Query API benchmark (issue 4): seeds the projection tables directly, through the exporter's own batch code, with
 * open user tasks and finished process instances with variables, then measures the searches a tasklist and a
 * monitor make, through the QueryApi (SQL and mapping, no HTTP), on SQLite and on MariaDB.
 *
 *   npx tsx bench/query/run.ts
 *   QUERY_BENCH_INSTANCES=100000 QUERY_BENCH_TASKS=100000 QUERY_BENCH_DATABASES=sqlite npx tsx bench/query/run.ts
 *
 * MariaDB: ENGINE_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306); a fresh database is created and dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { ProjectionBatch } from '../../engine/query/projection/projection-batch';
import { NOT_SET_DATE, NOT_SET_KEY, valuePrefix } from '../../engine/query/projection/projection-tables';
import { QueryApi } from '../../engine/query/query-api';
import { openQueryDb, type QueryDb } from '../../engine/query/query-db';
import { createStorage } from '../../engine/storage/create-storage';

const INSTANCES = Number(process.env.QUERY_BENCH_INSTANCES ?? 1_000_000);
const TASKS = Number(process.env.QUERY_BENCH_TASKS ?? 100_000);
const DATABASES = (process.env.QUERY_BENCH_DATABASES ?? 'sqlite,mariadb').split(',');
const GROUPS = 50;
const DEFINITIONS = 10;
const ELEMENTS = ['start', 'accept', 'survey', 'approve', 'archive', 'end'];
const RUNS = 200;
const SEED_BATCH = 5000;
const T0 = Date.UTC(2025, 0, 1);
/** Instances start one every 30 s from T0 (1M instances span about a year). */
const STEP_MS = 30_000;

const TARGETS = { tasks: 50, variable: 200, dates: 200, statistics: 200 };

async function seed(db: QueryDb): Promise<void> {
  const started = Date.now();
  const write = async (fill: (batch: ProjectionBatch, from: number, to: number) => void, total: number) => {
    for (let from = 0; from < total; from += SEED_BATCH) {
      const batch = new ProjectionBatch(db.dialect);
      fill(batch, from, Math.min(total, from + SEED_BATCH));
      await db.transaction(batch.statements());
    }
  };
  await write((batch, from, to) => {
    for (let d = from; d < to; d++) {
      batch.upsert('definitions', 1 + d, {
        process_definition_key: 1 + d,
        bpmn_process_id: `process-${d}`,
        name: `Process ${d}`,
        version: 1,
        version_tag: null,
        resource_name: `process-${d}.bpmn`,
        tenant_id: '<default>',
        deployed_at: T0,
        xml: '<definitions/>',
      });
    }
  }, DEFINITIONS);
  await write((batch, from, to) => {
    for (let i = from; i < to; i++) {
      const key = 1_000_000 + i * 10;
      const definition = 1 + (i % DEFINITIONS);
      const start = T0 + i * STEP_MS;
      batch.upsert('instances', key, {
        process_instance_key: key,
        bpmn_process_id: `process-${definition - 1}`,
        process_definition_key: definition,
        version: 1,
        state: i % 20 === 0 ? 'TERMINATED' : 'COMPLETED',
        start_date: start,
        end_date: start + 3_600_000,
        parent_process_instance_key: NOT_SET_KEY,
        parent_element_instance_key: NOT_SET_KEY,
        incident_count: 0,
        tenant_id: '<default>',
      });
      const variables: Array<[string, string]> = [
        ['applicationNo', JSON.stringify(`APP-${i}`)],
        ['region', JSON.stringify(`region-${i % 20}`)],
      ];
      variables.forEach(([name, value], v) =>
        batch.upsert('variables', key + 1 + v, {
          variable_key: key + 1 + v,
          name,
          value,
          value_prefix: valuePrefix(value),
          scope_key: key,
          process_instance_key: key,
          process_definition_key: definition,
          bpmn_process_id: `process-${definition - 1}`,
          tenant_id: '<default>',
        }),
      );
      for (const element of ELEMENTS) batch.count(definition, element, { completed: 1 });
    }
  }, INSTANCES);
  await write((batch, from, to) => {
    for (let i = from; i < to; i++) {
      const key = 900_000_000 + i;
      const dueDate = T0 + ((i * 7919) % 90) * 86_400_000 + (i % 1000) * 1000;
      const group = `group-${i % GROUPS}`;
      batch.upsert('userTasks', key, {
        user_task_key: key,
        state: 'CREATED',
        element_id: 'approve',
        element_instance_key: key + 1,
        process_instance_key: key + 2,
        process_definition_key: 1,
        bpmn_process_id: 'process-0',
        version: 1,
        tenant_id: '<default>',
        assignee: null,
        candidate_groups: JSON.stringify([group]),
        candidate_users: '[]',
        due_date: dueDate,
        follow_up_date: NOT_SET_DATE,
        priority: 50,
        form_key: NOT_SET_KEY,
        external_form_reference: null,
        creation_date: T0 + i * 1000,
        completion_date: NOT_SET_DATE,
      });
      batch.setCandidates(key, 'CREATED', dueDate, [{ kind: 'G', candidate: group }]);
    }
  }, TASKS);
  console.log(
    `  seeded ${INSTANCES} instances (${2 * INSTANCES} variables), ${TASKS} tasks in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function measure(name: string, target: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 10; i++) await fn(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn(i * 7 + 3);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  const p95 = Number(p(0.95));
  console.log(
    `  ${name.padEnd(52)} p50 ${p(0.5).padStart(7)} ms  p95 ${p(0.95).padStart(7)} ms  target p95 < ${target} ms  ${p95 < target ? 'OK' : 'MISSED'}`,
  );
}

async function runOn(kind: string): Promise<void> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'query-bench-'));
    url = `sqlite:${join(dir, 'engine.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const server = (process.env.ENGINE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
    const name = `engine_query_bench_${Date.now()}`;
    const conn = await createConnection(server);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    await conn.end();
    url = `${server}/${name}`;
    cleanup = async () => {
      const c = await createConnection(server);
      await c.query(`DROP DATABASE \`${name}\``);
      await c.end();
    };
  }
  console.log(`\n${kind}:`);
  const storage = createStorage(url, { sqliteSynchronous: 'NORMAL' });
  await storage.open();
  const seedDb = openQueryDb(storage);
  const query = new QueryApi(storage, { processXml: () => undefined });
  try {
    await seed(seedDb);
    if (kind === 'sqlite') await seedDb.transaction([{ sql: 'ANALYZE', params: [] }]);
    else
      for (const t of [
        'engine_q_process_instances',
        'engine_q_variables',
        'engine_q_user_tasks',
        'engine_q_user_task_candidates',
      ])
        await seedDb.all(`ANALYZE TABLE ${t}`, []);
    await query.start();
    await measure(`user tasks: candidate group, open, by due date, 50`, TARGETS.tasks, (i) =>
      query.search('user-tasks', {
        filter: { candidateGroup: `group-${i % GROUPS}`, state: 'CREATED' },
        sort: [{ field: 'dueDate', order: 'ASC' }],
        page: { limit: 50 },
      }),
    );
    await measure(`instances: variable applicationNo = value, 50`, TARGETS.variable, async (i) => {
      const n = (i * 104_729) % INSTANCES;
      const res = await query.search('process-instances', {
        filter: { variables: [{ name: 'applicationNo', value: JSON.stringify(`APP-${n}`) }] },
        page: { limit: 50 },
      });
      if (res.items.length !== 1) throw new Error(`expected one instance for APP-${n}, got ${res.items.length}`);
    });
    await measure(`instances: start date in a 1-day range, by date, 50`, TARGETS.dates, (i) => {
      const from = T0 + ((i * 86_400_000 * 3) % (INSTANCES * STEP_MS));
      return query.search('process-instances', {
        filter: { startDate: { $gte: new Date(from).toISOString(), $lt: new Date(from + 86_400_000).toISOString() } },
        sort: [{ field: 'startDate', order: 'DESC' }],
        page: { limit: 50 },
      });
    });
    await measure(`instances: state COMPLETED, definition, 30-day range`, TARGETS.dates, (i) => {
      const from = T0 + ((i * 86_400_000 * 3) % (INSTANCES * STEP_MS));
      return query.search('process-instances', {
        filter: {
          processDefinitionKey: String(1 + (i % DEFINITIONS)),
          state: 'COMPLETED',
          startDate: { $gte: new Date(from).toISOString(), $lt: new Date(from + 30 * 86_400_000).toISOString() },
        },
        sort: [{ field: 'startDate', order: 'ASC' }],
        page: { limit: 50 },
      });
    });
    await measure(`element statistics of one definition`, TARGETS.statistics, (i) =>
      query.elementStatistics(1 + (i % DEFINITIONS)),
    );
  } finally {
    await query.stop();
    await seedDb.close();
    await storage.close();
    await cleanup();
  }
}

async function main(): Promise<void> {
  console.log(
    `query benchmark: ${INSTANCES} finished instances, ${TASKS} open user tasks over ${GROUPS} groups, ${RUNS} runs each`,
  );
  for (const kind of DATABASES) await runOn(kind.trim());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
