/**
 * What a monitor asks of the query API (Camunda 8.8 REST v2): element statistics of a definition under a
 * process-instance filter, `$or` in process-instance searches, and `hasStartForm` on definitions. Work is driven
 * through gRPC (@camunda8/sdk), read back through REST (the SDK's REST client where it has the call, else fetch).
 */
import { CamundaRestClient, type Zeebe } from '@camunda8/sdk';
import { bpmn, chain, endEvent, extensions, serviceTask } from '../events/event-kit';
import { sdkClient } from '../grpc/grpc-test-clients';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';
import { post, runOnProjections, search } from './query-kit';
import { errorHashCode } from '../../engine/query/projection/error-hash';

type Stats = Array<{ elementId: string; active: number; completed: number; canceled: number; incidents: number }>;

const run = Date.now().toString(36);
const MON = `q-mon-${run}`;
const PLAIN = `q-mon-plain-${run}`;
const FORM = `q-mon-form-${run}`;
const WORK = `q-mon-work-${run}`;
const PLAIN_WORK = `q-mon-plain-work-${run}`;

let engine: EngineProcess;
let zbc: Zeebe.ZeebeGrpcClient;
let rest: CamundaRestClient;
let monKey = '';
/** [0] north, completed · [1] north, incident · [2] south, active · [3] south, active */
const keys: string[] = [];
let plainInstance = '';

const base = () => engine;

async function statistics(filter?: unknown): Promise<{ status: number; body: { items: Stats } }> {
  return post<{ items: Stats }>(
    base(),
    `/process-definitions/${monKey}/statistics/element-instances`,
    filter === undefined ? {} : { filter },
  );
}

const stat = (elementId: string, counts: Partial<Stats[number]>) => ({
  elementId,
  active: 0,
  completed: 0,
  canceled: 0,
  incidents: 0,
  ...counts,
});

async function instanceKeys(filter: Record<string, unknown>): Promise<string[]> {
  const page = await search(base(), 'process-instances', { filter });
  return page.items.map((i) => String(i.processInstanceKey)).sort();
}

async function activate(type: string, count: number) {
  return waitFor(
    async () => {
      const jobs = await zbc.activateJobs({ type, worker: 'monitor-test', maxJobsToActivate: count, timeout: 60_000 });
      return jobs.length === count ? jobs : undefined;
    },
    { description: `${count} jobs of ${type}` },
  );
}

beforeAll(async () => {
  engine = await startEngineProcess();
  zbc = sdkClient(engine);
  rest = new CamundaRestClient({
    config: { ZEEBE_REST_ADDRESS: engine.restAddress, ...engine.sdkAuth, CAMUNDA_LOG_LEVEL: 'error' },
  });
  const form = JSON.stringify({ id: FORM, type: 'default', components: [{ type: 'textfield', key: 'region' }] });
  const withForm = bpmn(
    MON,
    `<bpmn:startEvent id="start">${extensions(`<zeebe:formDefinition formId="${FORM}" />`)}</bpmn:startEvent>
    ${serviceTask('work', WORK)}${endEvent()}${chain('start', 'work', 'end')}`,
  )
    .toString()
    .replace(`<bpmn:process id="${MON}"`, `<bpmn:process id="${MON}" name="Monitored"`);
  await rest.deployResources([{ name: `${FORM}.form`, content: form }]);
  const mon = await zbc.deployResource({ name: `${MON}.bpmn`, process: Buffer.from(withForm) });
  monKey = String((mon.deployments[0] as { process: { processDefinitionKey: string } }).process.processDefinitionKey);
  await zbc.deployResource({
    name: `${PLAIN}.bpmn`,
    process: bpmn(PLAIN, `<bpmn:startEvent id="start" />${serviceTask('work', PLAIN_WORK)}${chain('start', 'work')}`),
  });
  for (const [i, region] of ['north', 'north', 'south', 'south'].entries()) {
    const created = await zbc.createProcessInstance({ bpmnProcessId: MON, variables: { region, n: i } });
    keys.push(String(created.processInstanceKey));
  }
  const jobs = await activate(WORK, 4);
  const jobOf = (k: string) => jobs.find((j) => String(j.processInstanceKey) === k)!;
  await zbc.completeJob({ jobKey: jobOf(keys[0]).key, variables: {} });
  await zbc.failJob({
    jobKey: jobOf(keys[1]).key,
    retries: 0,
    errorMessage: `meter ${run} unreachable`,
    retryBackOff: 0,
  });
  plainInstance = String((await zbc.createProcessInstance({ bpmnProcessId: PLAIN, variables: {} })).processInstanceKey);
  const [plainJob] = await activate(PLAIN_WORK, 1);
  await zbc.failJob({ jobKey: plainJob.key, retries: 2, errorMessage: 'try again', retryBackOff: 600_000 });
  // Everything above is exported once the incident and the completed instance are.
  await waitFor(async () => (await instanceKeys({ processDefinitionId: MON, hasIncident: true })).length === 1);
  await waitFor(async () => (await instanceKeys({ processDefinitionId: MON, state: 'COMPLETED' })).length === 1);
  await waitFor(async () => (await instanceKeys({ hasRetriesLeft: true })).length === 1);
}, 60_000);

afterAll(async () => {
  await zbc?.close();
  await engine?.stop();
});

describe('element statistics of a definition with a filter', () => {
  it('without a filter counts every instance, and a filter that every instance meets gives the same', async () => {
    const all = await statistics();
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual([
      stat('end', { completed: 1 }),
      stat('start', { completed: 4 }),
      stat('work', { active: 3, completed: 1, incidents: 1 }),
    ]);
    expect((await statistics({ tenantId: '<default>' })).body).toEqual(all.body);
  });

  it('counts only the instances in a state, with an incident, or with a variable value', async () => {
    expect((await statistics({ state: 'ACTIVE' })).body.items).toEqual([
      stat('start', { completed: 3 }),
      stat('work', { active: 3, incidents: 1 }),
    ]);
    expect((await statistics({ hasIncident: true })).body.items).toEqual([
      stat('start', { completed: 1 }),
      stat('work', { active: 1, incidents: 1 }),
    ]);
    expect((await statistics({ variables: [{ name: 'region', value: '"south"' }] })).body.items).toEqual([
      stat('start', { completed: 2 }),
      stat('work', { active: 2 }),
    ]);
    expect((await statistics({ startDate: { $gt: '2999-01-01T00:00:00Z' } })).body.items).toEqual([]);
    expect((await statistics({ processInstanceKey: keys[2] })).body.items).toEqual([
      stat('start', { completed: 1 }),
      stat('work', { active: 1 }),
    ]);
  });

  it('checks element id and element-instance state on one element instance', async () => {
    expect((await statistics({ elementId: 'work', elementInstanceState: 'COMPLETED' })).body.items).toEqual([
      stat('end', { completed: 1 }),
      stat('start', { completed: 1 }),
      stat('work', { completed: 1 }),
    ]);
    expect((await statistics({ elementId: 'end', elementInstanceState: 'ACTIVE' })).body.items).toEqual([]);
  });

  it('takes $or alternatives, ANDed with the top level', async () => {
    expect((await statistics({ $or: [{ state: 'COMPLETED' }, { hasIncident: true }] })).body.items).toEqual([
      stat('end', { completed: 1 }),
      stat('start', { completed: 2 }),
      stat('work', { active: 1, completed: 1, incidents: 1 }),
    ]);
    const activeNorthOrFourth = await statistics({
      state: 'ACTIVE',
      $or: [{ variables: [{ name: 'region', value: '"north"' }] }, { processInstanceKey: keys[3] }],
    });
    expect(activeNorthOrFourth.body.items).toEqual([
      stat('start', { completed: 2 }),
      stat('work', { active: 2, incidents: 1 }),
    ]);
  });

  it('refuses fields the statistics filter does not have', async () => {
    const unknown = await statistics({ processDefinitionId: MON });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("'processDefinitionId'");
    expect((await statistics({ $or: [{ nope: 1 }] })).status).toBe(400);
  });

  it("filters by the hash of an open incident's message, as Camunda's exporter keeps it", async () => {
    const hash = errorHashCode(`meter ${run} unreachable`);
    expect((await statistics({ incidentErrorHashCode: hash })).body.items).toEqual([
      stat('start', { completed: 1 }),
      stat('work', { active: 1, incidents: 1 }),
    ]);
    expect((await statistics({ incidentErrorHashCode: { $in: [hash + 1] } })).body.items).toEqual([]);
    expect(await instanceKeys({ incidentErrorHashCode: hash })).toEqual([keys[1]]);
  });
});

describe('$or in process-instance searches', () => {
  it('matches any alternative and every top-level field', async () => {
    expect(
      await instanceKeys({ processDefinitionId: MON, $or: [{ state: 'COMPLETED' }, { hasIncident: true }] }),
    ).toEqual([keys[0], keys[1]].sort());
    expect(
      await instanceKeys({
        processDefinitionId: MON,
        state: 'ACTIVE',
        $or: [{ hasIncident: true }, { variables: [{ name: 'n', value: '2' }] }],
      }),
    ).toEqual([keys[1], keys[2]].sort());
    const viaSdk = await rest.searchProcessInstances({
      filter: { $or: [{ processDefinitionId: PLAIN }, { processInstanceKey: keys[3] }] },
    } as never);
    expect(viaSdk.items.map((i) => i.processInstanceKey).sort()).toEqual([plainInstance, keys[3]].sort());
  });

  it('filters by the definition name, error message, retries left and element instance state', async () => {
    expect(await instanceKeys({ processDefinitionName: 'Monitored' })).toEqual([...keys].sort());
    expect(await instanceKeys({ processDefinitionName: { $like: 'Monit*' }, state: 'COMPLETED' })).toEqual([keys[0]]);
    // `$like` compares letters as they are, on SQLite as on MariaDB (utf8mb4_bin) and Camunda's keyword fields.
    expect(await instanceKeys({ processDefinitionName: { $like: 'monit*' }, state: 'COMPLETED' })).toEqual([]);
    expect(await instanceKeys({ processDefinitionName: { $like: 'MONITORED' } })).toEqual([]);
    expect(await instanceKeys({ errorMessage: { $like: `*${run} unreachable` } })).toEqual([keys[1]]);
    expect(await instanceKeys({ hasRetriesLeft: true })).toEqual([plainInstance]);
    expect(
      await instanceKeys({ processDefinitionId: MON, elementInstanceState: 'COMPLETED', elementId: 'end' }),
    ).toEqual([keys[0]]);
    expect(await instanceKeys({ batchOperationId: { $exists: true } })).toEqual([]);
  });

  it('refuses $or where Camunda has none, and unknown fields inside it', async () => {
    expect((await post(base(), '/process-instances/search', { filter: { $or: [{ nope: 1 }] } })).status).toBe(400);
    expect((await post(base(), '/process-instances/search', { filter: { $or: {} } })).status).toBe(400);
    expect((await post(base(), '/user-tasks/search', { filter: { $or: [{ state: 'CREATED' }] } })).status).toBe(400);
  });
});

describe('hasStartForm on process definitions', () => {
  it('is true where the none start event links a form, and filters', async () => {
    const page = await rest.searchProcessDefinitions({
      filter: { processDefinitionId: { $in: [MON, PLAIN] } },
      sort: [{ field: 'processDefinitionId', order: 'ASC' }],
    } as never);
    // The SDK's 8.8 types leave hasStartForm out; the 8.8 spec has it on every definition.
    const hasStartForm = (d: object) => (d as { hasStartForm?: boolean }).hasStartForm;
    expect(page.items.map((d) => [d.processDefinitionId, hasStartForm(d)])).toEqual(
      [MON, PLAIN].sort().map((id) => [id, id === MON]),
    );
    expect(hasStartForm(await rest.getProcessDefinition(monKey))).toBe(true);
    const withForm = await search(base(), 'process-definitions', {
      filter: { processDefinitionId: { $in: [MON, PLAIN] }, hasStartForm: true },
    });
    expect(withForm.items.map((d) => d.processDefinitionId)).toEqual([MON]);
    const without = await search(base(), 'process-definitions', {
      filter: { processDefinitionId: { $in: [MON, PLAIN] }, hasStartForm: false },
    });
    expect(without.items.map((d) => d.processDefinitionId)).toEqual([PLAIN]);
  });
});

describe('incidents exported before the hash was kept', () => {
  it('get their hash on the next start (engine migration 7 and the exporter backfill)', async () => {
    const { databaseUrl } = engine;
    await engine.stop();
    const onMysql = databaseUrl.startsWith('mysql');
    await runOnProjections(databaseUrl, [
      onMysql
        ? 'DROP INDEX engine_q_incidents_error_hash ON engine_q_incidents'
        : 'DROP INDEX engine_q_incidents_error_hash',
      'ALTER TABLE engine_q_incidents DROP COLUMN error_hash_code',
      "DELETE FROM engine_q_backfills WHERE name = 'incident_error_hashes'",
      'DELETE FROM engine_schema_migrations WHERE id = 7',
    ]);
    engine = await startEngineProcess({ databaseUrl });
    const hash = errorHashCode(`meter ${run} unreachable`);
    await waitFor(async () => ((await instanceKeys({ incidentErrorHashCode: hash })).length === 1 ? true : undefined));
    expect(await instanceKeys({ incidentErrorHashCode: hash })).toEqual([keys[1]]);
  }, 60_000);
});
